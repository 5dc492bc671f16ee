/** Seeding the full demo district into DynamoDB Local, then reading it back through the repositories. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { seedDistrict, type SeedResult } from '../../scripts/seed/seed';
import { generateDistrict } from '../../scripts/seed/generate';
import { db, table } from '../../functions/lib/dynamo';
import { keys } from '../../functions/repositories/keys';
import { enterpriseRepository } from '../../functions/repositories/enterprise-repository';
import { organisationRepository } from '../../functions/repositories/organisation-repository';
import { userRepository } from '../../functions/repositories/user-repository';
import { demoAccounts } from '../../functions/repositories/demo-repository';
import { demoLogin, demoOpenid } from '../../functions/services/session-service';
import { createTestTable } from '../support/table';

const district = generateDistrict();
let result: SeedResult;
const progress: [number, number, string][] = [];

async function all<T>(list: (page: { cursor?: string; limit: number }) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ cursor, limit: 100 });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  const tableName = await createTestTable('seed');
  result = await seedDistrict({ tableName, endpoint: process.env.DYNAMODB_ENDPOINT, options: {}, onProgress: (done, total, phase) => progress.push([done, total, phase]) });
  console.log(`seeded ${result.counts.items} items (${result.counts.enterprises} enterprises) in ${result.elapsedMs} ms, ${result.counts.batches} batches, ${result.counts.retries} retries`);
}, 600_000);

describe('seedDistrict into DynamoDB Local', () => {
  it('writes the whole district and reports progress up to the total (its time is a bench figure, not asserted here)', () => {
    expect(result.counts).toMatchObject({ centres: 3, stations: 13, chiefs: 13, officers: 79, admins: 3, enterprises: 1900, users: 134, members: 39, demoAccounts: 57 });
    const last = progress[progress.length - 1];
    expect(last).toEqual([result.counts.items, result.counts.items, 'demo']);
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
    expect(new Set(progress.map((p) => p[2]))).toEqual(new Set(['organisation', 'users', 'enterprises', 'members', 'demo']));
  });

  it('lists the 13 stations, ordered by centre', async () => {
    const stations = await all((p) => organisationRepository.listStations(p));
    expect(stations).toHaveLength(13);
    expect(stations.map((s) => s.centreId)).toEqual([...stations.map((s) => s.centreId)].sort());
    expect(stations.find((s) => s.id === 'st01')).toEqual(district.stations[0]);
  });

  it("lists exactly officer.enterpriseCount enterprises for an officer, and the station's for its station", async () => {
    const officer = (await organisationRepository.getOfficer('of001'))!;
    expect(officer.enterpriseCount).toBeGreaterThan(0);
    const mine = await all((p) => enterpriseRepository.listByOfficer(officer.id, p));
    expect(mine).toHaveLength(officer.enterpriseCount);
    expect(mine.every((e) => e.officerId === officer.id && e.stationId === officer.stationId)).toBe(true);
    const station = await all((p) => enterpriseRepository.listByStation(officer.stationId, p));
    expect(station).toHaveLength(district.enterprises.filter((e) => e.stationId === officer.stationId).length);
    const officers = await organisationRepository.allStationOfficers(officer.stationId);
    expect(officers.reduce((s, o) => s + o.enterpriseCount, 0)).toBe(station.length);
  });

  it('stores every credit-code marker, enterprise and owner membership', async () => {
    const e = district.enterprises[0];
    expect(await enterpriseRepository.get(e.id)).toEqual(e);
    const marker = await db().send(new GetCommand({ TableName: table(), Key: keys.creditCode(e.creditCode) }));
    expect(marker.Item?.enterpriseId).toBe(e.id);
    const members = await all((p) => enterpriseRepository.listMembers(district.members[0].enterpriseId, p));
    expect(members).toEqual([district.members[0]]);
  });

  it('offers the demo accounts in order, and each logs in as its seeded user', async () => {
    const offered = await demoAccounts();
    expect(offered).toEqual(district.demoAccounts);
    const chief = await userRepository.getByOpenid(demoOpenid('chief-st01'));
    expect(chief).toMatchObject({ role: 'chief', officerId: district.stations[0].chiefOfficerId, stationId: 'st01' });
    const ent = offered.find((a) => a.role === 'enterprise')!;
    const session = await demoLogin(ent.accountId);
    expect(session.me.role).toBe('enterprise');
    expect(session.me.enterprise?.name).toBe(ent.detail);
    expect(session.me.station).not.toBeNull();
    const officer = await demoLogin(offered.find((a) => a.role === 'officer')!.accountId);
    expect(officer.me.officer?.bound).toBe(true);
  });
});
