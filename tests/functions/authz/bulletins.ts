import { handler } from '../../../functions/handlers/bulletins';
import { createBulletin } from '../../../functions/services/bulletin-service';
import type { AuthzModule } from './module';

const body = { blocks: [{ type: 'paragraph' as const, spans: [{ text: '近期有不法分子冒充公检法实施诈骗，请提高警惕。' }] }] };

export const bulletinsAuthz: AuthzModule = {
  handlers: { bulletins: handler },
  cases: {
    // Aimed at station B's enterprises: out of every station-A caller's scope.
    createBulletin: { body: (ids) => ({ kind: 'risk', title: '越权发布的风险预警', body, audience: { type: 'stations', stationIds: [ids.stationId] } }) },
    listManagedBulletins: 'self',
    getBulletin: { params: (ids) => ({ bulletinId: String(ids.bulletinId) }) },
    withdrawBulletin: { params: (ids) => ({ bulletinId: String(ids.bulletinId) }), body: () => ({ version: 1 }) },
    listBulletinReceipts: { params: (ids) => ({ bulletinId: String(ids.bulletinId) }), query: { state: 'unread' } },
    remindBulletinUnread: { params: (ids) => ({ bulletinId: String(ids.bulletinId) }) },
    readBulletin: { params: (ids) => ({ bulletinId: String(ids.bulletinId) }) },
    listFeed: 'self',
    feedUnreadCounts: 'self',
  },
  async setup({ a, b }) {
    const now = new Date();
    const foreign = await createBulletin(b.principals.chief, { kind: 'risk', title: '乙所的风险预警', body, audience: { type: 'stations', stationIds: [b.stationId] } }, now);
    const colleague = await createBulletin(
      { role: 'officer', userId: `u-${a.officers[1].id}`, officerId: a.officers[1].id, stationId: a.stationId },
      { kind: 'support', title: '同事发布的助企动态', body, audience: { type: 'stations', stationIds: [a.stationId] } },
      now,
    );
    return { foreign: { bulletinId: foreign.bulletin.id }, colleagues: { bulletinId: colleague.bulletin.id } };
  },
};
