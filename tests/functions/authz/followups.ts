import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/handlers/fieldwork';
import { db } from '../../../functions/lib/dynamo';
import { followUpRepository } from '../../../functions/repositories/followup-repository';
import type { AuthzModule } from './module';

/**
 * 回访 (served by the fieldwork function): station B's task, aimed at by station A's callers. The task is
 * the station's, not an enterprise's or an officer's, so there is no colleague case: any officer of the
 * station may record it (tests/functions/handlers/followups.test.ts).
 */
export const followUpsAuthz: AuthzModule = {
  handlers: { fieldwork: handler },
  cases: {
    stationFollowUps: { params: (i) => ({ stationId: i.stationId }) },
    getFollowUp: { params: (i) => ({ followUpId: String(i.followUpId) }) },
    recordFollowUp: { params: (i) => ({ followUpId: String(i.followUpId) }), body: () => ({ method: 'phone', reached: true, satisfaction: 'satisfied', notes: '越权登记回访' }) },
  },
  setup: async ({ b, appealB }) => {
    const at = '2026-11-20T02:00:00.000Z';
    const task = {
      id: appealB,
      appealId: appealB,
      stationId: b.stationId,
      enterpriseId: 'entB',
      enterpriseName: '站B企业',
      appealTitle: '需要协助的事项',
      appealType: 'help' as const,
      officerId: b.officers[0]!.id,
      officerName: b.officers[0]!.name,
      reason: 'bad_rating' as const,
      rating: 1,
      closedAt: at,
      dueDay: '2026-11-27',
      status: 'pending' as const,
      createdAt: at,
      version: 1,
    };
    await db().send(new TransactWriteCommand({ TransactItems: [followUpRepository.createWrite(task)] }));
    return { foreign: { followUpId: appealB }, colleagues: {} };
  },
};
