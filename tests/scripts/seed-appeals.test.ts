import { seedDistrict } from '../../scripts/seed/seed';
import { seedDemoAppeals } from '../../scripts/seed/appeals';
import { stationDaySummary } from '../../functions/services/appeal-service';
import { listStationFollowUps } from '../../functions/services/followup-service';
import { createTestTable } from '../support/table';

it('seeds demo appeals through the real services so every station has work today', async () => {
  await createTestTable('seed-appeals');
  await seedDistrict({});
  const now = new Date('2026-11-25T06:00:00Z'); // a Wednesday afternoon in Shanghai
  const started = Date.now();
  const count = await seedDemoAppeals({ now });
  console.log(`seeded ${count} demo appeals in ${Date.now() - started} ms`);
  expect(count).toBe(13 * 8);
  const summary = await stationDaySummary({ role: 'chief', userId: 'u-chief-st01', officerId: 'of080', stationId: 'st01' }, 'st01', now);
  expect(summary.counts.new).toBeGreaterThanOrEqual(1);
  expect(summary.counts.open).toBeGreaterThanOrEqual(4);
  expect(summary.counts.escalated).toBeGreaterThanOrEqual(1);
  expect(summary.counts.awaiting_rating).toBeGreaterThanOrEqual(1);
  expect(summary.counts.bad_ratings).toBe(1);
  // 回访: the bad rating's task, recorded at st01 (even stations), pending at st02; sampled good ratings may add more.
  const chief = (sid: string, oid: string) => ({ role: 'chief' as const, userId: `u-chief-${sid}`, officerId: oid, stationId: sid });
  const done = await listStationFollowUps(chief('st01', 'of080'), 'st01', 'done', { limit: 20 });
  expect(done.items.map((t) => [t.reason, t.satisfaction])).toContainEqual(['bad_rating', 'satisfied']);
  const st02Pending = await listStationFollowUps({ role: 'centre', userId: 'u', adminId: 'a', centreId: 'c' }, 'st02', 'pending', { limit: 20 });
  expect(st02Pending.items.map((t) => t.reason)).toContain('bad_rating');
}, 600_000); // 19 s alone; npm test runs it beside the browser tests and their seeded DynamoDB Local
