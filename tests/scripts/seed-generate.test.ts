/** The demo district generator: pure, deterministic, and true to the domain's rules (一企一警, balanced loads). */
import { DIVISION, generateDistrict, mulberry32, type District } from '../../scripts/seed/generate';
import { districtItems } from '../../scripts/seed/seed';
import { isValidCreditCode } from '../../shared/domain/credit-code';
import { INDUSTRY_IDS } from '../../shared/domain/industries';
import { CreateOfficerBody, CreateStationBody } from '../../shared/schemas/organisation';
import { Enterprise, RegisterEnterpriseBody } from '../../shared/schemas/enterprise';
import { DemoAccount } from '../../shared/schemas/auth';
import { demoOpenid } from '../../functions/services/session-service';

const d: District = generateDistrict();
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PERSON = /^[\u4e00-\u9fa5]{2,4}$/;
const liaison = d.officers.filter((o) => !o.isChief);
const chiefs = d.officers.filter((o) => o.isChief);

describe('generateDistrict', () => {
  it('is deterministic: same seed, same district; another seed, another district', () => {
    expect(generateDistrict()).toEqual(d);
    expect(JSON.stringify(generateDistrict({ seed: 7 }))).toBe(JSON.stringify(generateDistrict({ seed: 7 })));
    expect(generateDistrict({ seed: 7 }).enterprises[0]).not.toEqual(d.enterprises[0]);
    const a = mulberry32(1);
    const b = mulberry32(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('has the 渝中 shape: 3 centres, 13 stations, 13 chiefs + 79 liaison officers, 3 admins, 1,900 enterprises', () => {
    expect(d.centres).toHaveLength(3);
    expect(d.stations).toHaveLength(13);
    expect(chiefs).toHaveLength(13);
    expect(liaison).toHaveLength(79);
    expect(d.admins).toHaveLength(3);
    expect(d.enterprises).toHaveLength(1900);
    expect(d.stations.map((s) => s.id)).toEqual(Array.from({ length: 13 }, (_, i) => `st${String(i + 1).padStart(2, '0')}`));
    expect(d.stations.map((s) => s.name)).toContain('解放碑派出所');
    expect(d.centres[0].name).toBe('渝中区公安分局助企警务中心');
    expect(d.centres.slice(1).every((c) => c.name.endsWith('分中心'))).toBe(true);
    expect(liaison.filter((o) => o.onLeave)).toHaveLength(2);
  });

  it('gives readable, valid, unique ids', () => {
    const ids = [...d.centres, ...d.stations, ...d.officers, ...d.admins, ...d.enterprises].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID);
    expect(d.enterprises[0].id).toBe('en0001');
    expect(d.officers[0].id).toBe('of001');
  });

  it('puts every station under a centre, with one chief and 5-7 liaison officers', () => {
    const centreIds = new Set(d.centres.map((c) => c.id));
    for (const s of d.stations) {
      expect(centreIds.has(s.centreId)).toBe(true);
      expect(CreateStationBody.safeParse(s).success).toBe(true);
      const mine = d.officers.filter((o) => o.stationId === s.id);
      const chief = mine.filter((o) => o.isChief);
      expect(chief).toHaveLength(1);
      expect(chief[0]).toMatchObject({ id: s.chiefOfficerId, title: '所长' });
      expect(mine.length - 1).toBeGreaterThanOrEqual(5);
      expect(mine.length - 1).toBeLessThanOrEqual(7);
    }
    for (const c of d.centres) expect(d.stations.some((s) => s.centreId === c.id)).toBe(true);
  });

  it('makes officers that pass the API rules: Chinese names, 6-digit badges, mobile numbers, all unique', () => {
    for (const o of d.officers) {
      expect(CreateOfficerBody.safeParse(o).success).toBe(true);
      expect(o.name).toMatch(PERSON);
      expect(['所长', '助企警务联络官', '社区民警']).toContain(o.title);
    }
    expect(new Set(d.officers.map((o) => o.badgeNo)).size).toBe(d.officers.length);
    expect(new Set(d.officers.map((o) => o.name)).size).toBe(d.officers.length);
    const mobiles = [...d.officers.map((o) => o.mobile), ...d.enterprises.map((e) => e.contactMobile)];
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it('makes enterprises that pass registration: valid unique credit codes in 渝中, Chinese names, district addresses', () => {
    const stationIds = new Set(d.stations.map((s) => s.id));
    for (const e of d.enterprises) {
      expect(Enterprise.safeParse(e).success).toBe(true);
      const body = RegisterEnterpriseBody.safeParse({ ...e, employeeCount: e.employeeCount ?? undefined });
      expect(body.success ? null : body.error.issues).toBeNull();
      expect(isValidCreditCode(e.creditCode)).toBe(true);
      expect(e.creditCode.slice(2, 8)).toBe(DIVISION);
      expect(e.creditCode).toMatch(/^9[12]/);
      expect(e.name).toMatch(/^[\u4e00-\u9fa5（）]+$/);
      expect(e.name).toMatch(/(公司|行|部|店|馆|所|室)$/);
      expect(e.address.startsWith('重庆市渝中区')).toBe(true);
      expect(e.contactName).toMatch(PERSON);
      expect(stationIds.has(e.stationId)).toBe(true);
      expect(Date.parse(e.createdAt)).toBeLessThan(Date.parse('2026-11-01T00:00:00Z'));
    }
    expect(new Set(d.enterprises.map((e) => e.creditCode)).size).toBe(1900);
    expect(new Set(d.enterprises.map((e) => e.name)).size).toBe(1900);
    // registration order: en0001 is the oldest
    const times = d.enterprises.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('has a plausible industry mix for an urban core: trade and services many, farming few', () => {
    const count = new Map<string, number>();
    for (const e of d.enterprises) count.set(e.industry, (count.get(e.industry) ?? 0) + 1);
    for (const id of count.keys()) expect(INDUSTRY_IDS).toContain(id);
    const n = (id: string) => count.get(id) ?? 0;
    expect(n('wholesale-retail')).toBe(Math.max(...count.values()));
    for (const big of ['hospitality', 'business-services', 'software']) expect(n(big)).toBeGreaterThan(100);
    expect(n('agriculture')).toBeLessThan(20);
    expect(n('agriculture')).toBeLessThan(n('software') / 5);
  });

  it('一企一警: each enterprise has one officer of its own station, never a chief or one on leave', () => {
    const byId = new Map(d.officers.map((o) => [o.id, o]));
    for (const e of d.enterprises) {
      const o = byId.get(e.officerId)!;
      expect(o).toBeDefined();
      expect(o.stationId).toBe(e.stationId);
      expect(o.isChief).toBe(false);
      expect(o.onLeave).toBe(false);
    }
  });

  it('keeps officer.enterpriseCount true and loads balanced within each station', () => {
    const assigned = new Map<string, number>();
    for (const e of d.enterprises) assigned.set(e.officerId, (assigned.get(e.officerId) ?? 0) + 1);
    for (const o of d.officers) expect(o.enterpriseCount).toBe(assigned.get(o.id) ?? 0);
    expect(d.officers.reduce((s, o) => s + o.enterpriseCount, 0)).toBe(1900);
    for (const s of d.stations) {
      const loads = liaison.filter((o) => o.stationId === s.id && !o.onLeave).map((o) => o.enterpriseCount);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      expect(Math.min(...loads)).toBeGreaterThanOrEqual(3); // 原则上一名联络官联络企业不少于3家
    }
  });

  it('binds a user to every officer, chief and admin, and owners to a few enterprises per station', () => {
    const users = new Map(d.users.map((u) => [u.userId, u]));
    expect(users.size).toBe(d.users.length);
    expect(new Set(d.users.map((u) => u.openid)).size).toBe(d.users.length);
    for (const u of d.users) {
      const accountId = u.userId.replace(/^u-/, '');
      expect(u.userId).toBe(`u-${accountId}`);
      expect(u.openid).toBe(demoOpenid(accountId));
      expect(u.displayName).toMatch(PERSON);
    }
    for (const o of d.officers) {
      const u = users.get(o.userId!)!;
      expect(u).toMatchObject({ role: o.isChief ? 'chief' : 'officer', officerId: o.id, stationId: o.stationId, displayName: o.name });
      expect(u.userId).toBe(o.isChief ? `u-chief-${o.stationId}` : `u-officer-${o.id}`);
    }
    for (const a of d.admins) expect(users.get(a.userId!)).toMatchObject({ role: 'centre', adminId: a.id, centreId: a.centreId });
    expect(d.members).toHaveLength(39);
    for (const m of d.members) {
      expect(m.memberRole).toBe('owner');
      expect(users.get(m.userId)).toMatchObject({ role: 'enterprise', enterpriseId: m.enterpriseId, memberRole: 'owner' });
    }
    expect(new Set(d.members.map((m) => d.enterprises.find((e) => e.id === m.enterpriseId)!.stationId)).size).toBe(13);
    expect(d.users).toHaveLength(92 + 3 + 39);
  });

  it('offers demo accounts for every role, each a seeded user, enterprises spread over the stations', () => {
    const openids = new Set(d.users.map((u) => u.openid));
    for (const a of d.demoAccounts) {
      expect(DemoAccount.safeParse(a).success).toBe(true);
      expect(a.accountId).toMatch(ID);
      expect(openids.has(demoOpenid(a.accountId))).toBe(true);
      expect(a.label).toMatch(/^[\u4e00-\u9fa5]{2,4}（.+）$/);
    }
    const byRole = (r: string) => d.demoAccounts.filter((a) => a.role === r);
    expect(byRole('centre')).toHaveLength(3);
    expect(byRole('chief')).toHaveLength(13);
    expect(byRole('officer')).toHaveLength(26);
    expect(byRole('enterprise')).toHaveLength(15);
    expect(d.demoAccounts[0].accountId).toBe('centre-c1');
    const chief = d.officers.find((o) => o.id === d.stations[0].chiefOfficerId)!;
    expect(byRole('chief')[0]).toEqual({ accountId: 'chief-st01', role: 'chief', label: `${chief.name}（解放碑派出所所长）`, detail: '解放碑派出所' });
    const entStations = new Set(byRole('enterprise').map((a) => d.enterprises.find((e) => `enterprise-${e.id}` === a.accountId)!.stationId));
    expect(entStations.size).toBe(13);
    expect(new Set(d.demoAccounts.map((a) => a.accountId)).size).toBe(d.demoAccounts.length);
  });

  it('turns into table items with unique keys', () => {
    const items = districtItems(d).flatMap((p) => p.items);
    const keys = items.map((i) => `${i.pk}|${i.sk}`);
    expect(new Set(keys).size).toBe(keys.length);
    const records = items.filter((i) => i.entity !== 'stats');
    expect(records.length).toBe(3 + 13 + 92 + 3 + 2 * 134 + 2 * 1900 + 39 + 57);
    // Registration counters: one item per station and Shanghai registration day (registrations are counted per station).
    const shanghaiDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const buckets = new Set(d.enterprises.map((e) => `${e.stationId}|${shanghaiDay(e.createdAt)}`));
    expect(items.length - records.length).toBe(buckets.size);
  });

  it('scales down and degrades gracefully: with no liaison officers the chief takes the enterprises', () => {
    const small = generateDistrict({ enterprises: 100, officers: 13, seed: 3 });
    expect(small.enterprises).toHaveLength(100);
    expect(small.officers.filter((o) => !o.isChief)).toHaveLength(13);
    const none = generateDistrict({ enterprises: 40, officers: 0 });
    expect(none.enterprises.every((e) => none.officers.find((o) => o.id === e.officerId)!.isChief)).toBe(true);
    expect(none.officers.reduce((s, o) => s + o.enterpriseCount, 0)).toBe(40);
  });
});
