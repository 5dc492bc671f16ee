/** The seeded district's registrations are in the statistics: the centre's figures match the seed data. */
import { seedDistrict } from '../../scripts/seed/seed';
import { generateDistrict } from '../../scripts/seed/generate';
import { centreStats, stationStats } from '../../functions/services/stats-service';
import { createTestTable } from '../support/table';

const district = generateDistrict({ enterprises: 300 });
const centre = { role: 'centre' as const, userId: 'u-c1', adminId: 'c1', centreId: district.centres[0].id };
const ALL_TIME = { from: '2026-01-01', to: '2026-12-31' };

beforeAll(async () => {
  const tableName = await createTestTable('seedstats');
  await seedDistrict({ tableName, endpoint: process.env.DYNAMODB_ENDPOINT, district });
}, 60_000);

it('the centre counts every seeded enterprise, per station and in all', async () => {
  const earliest = district.enterprises
    .map((e) => e.createdAt)
    .sort()[0]
    .slice(0, 4);
  const period = { from: `${earliest}-01-01`, to: `${earliest}-12-31` };
  const years = [...new Set(district.enterprises.map((e) => e.createdAt.slice(0, 4)))];
  let total = 0;
  for (const y of years) total += (await centreStats(centre, { from: `${y}-01-01`, to: `${y}-12-31` })).totals.enterprises;
  expect(total).toBe(300);
  const stats = await centreStats(centre, period);
  for (const row of stats.stations) {
    const expected = district.enterprises.filter((e) => e.stationId === row.stationId && e.createdAt.slice(0, 4) === earliest).length;
    expect(row.figures.enterprises).toBe(expected);
  }
  const one = await stationStats(centre, district.stations[0].id, ALL_TIME);
  expect(one.officers.length).toBeGreaterThan(0);
});
