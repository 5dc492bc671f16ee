import { handler } from '../../../functions/handlers/fieldwork';
import { logVisit } from '../../../functions/services/fieldwork-service';
import type { Principal } from '../../../shared/domain/principal';
import type { AuthzModule } from './module';

const visitBody = (enterpriseId: string) => ({
  enterpriseId,
  day: '2026-01-05',
  metWith: '企业负责人王经理',
  content: '了解企业安全生产与治安防范情况，宣传反诈知识。',
  problems: [{ description: '仓库消防通道堆放杂物', followUp: 'rectification' as const, deadline: '2026-01-20' }],
});

export const fieldworkAuthz: AuthzModule = {
  handlers: { fieldwork: handler },
  cases: {
    // Station B's enterprise, visit, ledger and officers: out of every station-A caller's scope.
    createVisit: { body: (i) => visitBody(i.enterpriseId) },
    getVisit: { params: (i) => ({ visitId: String(i.visitId) }) },
    listEnterpriseVisits: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
    listOfficerVisits: { params: (i) => ({ officerId: i.officerId }) },
    officerVisitsDue: { params: (i) => ({ officerId: i.officerId }) },
    stationVisitsDue: { params: (i) => ({ stationId: i.stationId }) },
    getVisitPolicy: { params: (i) => ({ stationId: i.stationId }) },
    putVisitPolicy: { params: (i) => ({ stationId: i.stationId }), body: () => ({ intervalDays: 15, version: 0 }) },
    createRectification: { body: (i) => ({ source: { kind: 'rating', appealId: i.appealId }, description: '对办理结果不满意的整改', deadline: '2099-01-01' }) },
    getRectification: { params: (i) => ({ rectificationId: String(i.rectificationId) }) },
    actOnRectification: { params: (i) => ({ rectificationId: String(i.rectificationId) }), body: () => ({ action: 'start', version: 1 }) },
    stationRectifications: { params: (i) => ({ stationId: i.stationId }) },
    officerRectifications: { params: (i) => ({ officerId: i.officerId }) },
    getServicePlan: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
    putServicePlan: { params: (i) => ({ enterpriseId: i.enterpriseId }), body: () => ({ text: '越权修改的服务方案', targets: [], version: 0 }) },
  },
  async setup({ a, b, entB, entA2 }) {
    const now = new Date('2026-01-05T04:00:00Z');
    const foreign = await logVisit(b.principals.chief, visitBody(entB.id), now);
    const colleague: Principal = { role: 'officer', userId: `u-${entA2.officerId}`, officerId: entA2.officerId, stationId: a.stationId };
    const own = await logVisit(colleague, visitBody(entA2.id), now);
    return {
      foreign: { visitId: foreign.visit.id, rectificationId: foreign.rectifications[0]!.id },
      colleagues: { visitId: own.visit.id, rectificationId: own.rectifications[0]!.id },
    };
  },
};
