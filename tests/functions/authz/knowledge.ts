/**
 * Knowledge base: published entries are for everyone signed in, so the foreign records are what is not:
 * station B's pending entry (proposed from B's resolved 政策咨询) and B's resolved policy appeal, which
 * only B's officer, B's chief and the centre may turn into an entry. Search reads only published entries
 * of the whole district ('self'); the lists of other statuses and every change are the centre's.
 */
import { handler } from '../../../functions/handlers/knowledge';
import { actOnAppeal, fileAppeal } from '../../../functions/services/appeal-service';
import { promoteAppeal } from '../../../functions/services/knowledge-service';
import type { Principal } from '../../../shared/domain/principal';
import type { AuthzModule } from './module';

const NOW = new Date('2026-11-02T02:00:00Z');

/** A resolved 政策咨询 of the enterprise, handled by its officer, and the pending entry made from it. */
async function resolvedPolicyAppeal(ent: { id: string; officerId: string; userId: string }, stationId: string) {
  const enterprise: Principal = { role: 'enterprise', userId: ent.userId, enterpriseId: ent.id, memberRole: 'owner' };
  const officer: Principal = { role: 'officer', userId: `u-${ent.officerId}`, officerId: ent.officerId, stationId };
  const filed = await fileAppeal(enterprise, { type: 'policy', category: 'household', urgency: 'normal', title: '员工办理居住证咨询', description: '新招员工二十人，想了解居住证集中办理的材料和时间。' }, NOW);
  const accepted = await actOnAppeal(officer, filed.appeal.id, { action: 'accept', version: 1 }, NOW);
  await actOnAppeal(officer, filed.appeal.id, { action: 'resolve', version: accepted.appeal.version, resolution: '已告知所需材料：身份证、居住登记凭证、劳动合同和住所证明，可预约集中受理。' }, NOW);
  const entry = await promoteAppeal(officer, filed.appeal.id, {}, NOW);
  return { knowledgeAppealId: filed.appeal.id, entryId: entry.id };
}

export const knowledgeAuthz: AuthzModule = {
  handlers: { knowledge: handler },
  setup: async (ctx) => ({
    foreign: await resolvedPolicyAppeal(ctx.entB, ctx.b.stationId),
    colleagues: await resolvedPolicyAppeal(ctx.entA2, ctx.a.stationId),
  }),
  cases: {
    searchKnowledge: 'self',
    listKnowledgeEntries: { query: { status: 'pending' } },
    getKnowledgeEntry: { params: (i) => ({ entryId: String(i.entryId) }) },
    createKnowledgeEntry: { body: () => ({ question: '越权新建的知识条目', answer: '越权新建的知识条目的解答内容，不应被保存。', category: 'household', tags: [] }) },
    updateKnowledgeEntry: { params: (i) => ({ entryId: String(i.entryId) }), body: () => ({ version: 1, question: '越权修改的知识条目' }) },
    publishKnowledgeEntry: { params: (i) => ({ entryId: String(i.entryId) }), body: () => ({ version: 1 }) },
    archiveKnowledgeEntry: { params: (i) => ({ entryId: String(i.entryId) }), body: () => ({ version: 1 }) },
    promoteAppealToKnowledge: { params: (i) => ({ appealId: String(i.knowledgeAppealId) }), body: () => ({}) },
    listKnowledgeGaps: { query: { month: '2026-11' } },
  },
};
