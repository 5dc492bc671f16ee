/**
 * Every route x every role x another tenant's ids: the answer is 403 or 404 and carries no data.
 * A route added to the registry without an entry here fails this test, so coverage cannot drift.
 */
import { routes, type RouteName, type RouteSpec } from '../../shared/api/routes';
import { DEFAULT_SLA_POLICY } from '../../shared/appeals/sla';
import { DEFAULT_STATION_SCHEDULE } from '../../shared/bookings/schemas';
import type { Role } from '../../shared/schemas/auth';
import { handler as auth } from '../../functions/handlers/auth';
import { handler as enterprises } from '../../functions/handlers/enterprises';
import { handler as meta } from '../../functions/handlers/meta';
import { handler as officers } from '../../functions/handlers/officers';
import { handler as stations } from '../../functions/handlers/stations';
import { handler as appeals } from '../../functions/handlers/appeals';
import { handler as bookings } from '../../functions/handlers/bookings';
import { bookAppointment } from '../../functions/services/booking-service';
import { call } from '../support/http';
import { createTestTable } from '../support/table';
import { guest, registration, twoStations, type Side } from '../support/fixtures';
import { bulletinsAuthz } from './authz/bulletins';
import { calendarAuthz } from './authz/calendar';
import { complaintsAuthz } from './authz/complaints';
import { accessLogAuthz } from './authz/access-log';
import { consoleAuthz } from './authz/console';
import { evidenceAuthz } from './authz/evidence';
import { fieldworkAuthz } from './authz/fieldwork';
import { followUpsAuthz } from './authz/followups';
import { knowledgeAuthz } from './authz/knowledge';
import type { AuthzModule, Case, CaseEntry, Ids } from './authz/module';
import { notificationsAuthz } from './authz/notifications';
import { reportsAuthz } from './authz/reports';
import { privacyAuthz } from './authz/privacy';

/** Modules that keep their cases and foreign records in tests/functions/authz/<module>.ts. */
const MODULES: AuthzModule[] = [
  notificationsAuthz,
  bulletinsAuthz,
  knowledgeAuthz,
  fieldworkAuthz,
  reportsAuthz,
  calendarAuthz,
  complaintsAuthz,
  accessLogAuthz,
  consoleAuthz,
  privacyAuthz,
  evidenceAuthz,
  followUpsAuthz,
];

const handlers = Object.assign({ meta, auth, stations, officers, enterprises, appeals, bookings }, ...MODULES.map((m) => m.handlers)) as Record<string, Parameters<typeof call>[0]>;

/** Station B's booking: made on Monday 2026-09-14 08:00 for Tuesday 10:00 (Shanghai). */
const FOREIGN_BOOKING_DAY = '2026-09-15';
const FOREIGN_BOOKING_START = '2026-09-15T10:00:00+08:00';

/** For each route: how to aim it at someone else's records, with an otherwise valid request. */
const BASE_CASES: Partial<Record<RouteName, CaseEntry>> = {
  openapi: 'public',
  health: 'public',
  wechatLogin: 'public',
  refresh: 'public',
  logout: 'public',
  logoutEverywhere: 'self',
  listOfficerSessions: { params: (i) => ({ officerId: i.officerId }) },
  endOfficerSessions: { params: (i) => ({ officerId: i.officerId }), body: () => ({}) },
  demoAccounts: 'public',
  demoLogin: 'public',
  listStations: 'public',
  me: 'self',
  bindInvite: 'self',
  createStation: { body: () => ({ id: 'stz', name: '新建派出所', centreId: 'cb', address: '重庆市渝中区新路1号', phone: '023-1234567' }) },
  getStation: { params: (i) => ({ stationId: i.stationId }) },
  updateStation: { params: (i) => ({ stationId: i.stationId }), body: () => ({ name: '改名派出所', version: 1 }) },
  setChief: { params: (i) => ({ stationId: i.stationId }), body: (i) => ({ officerId: i.officerId }) },
  getStationSla: { params: (i) => ({ stationId: i.stationId }) },
  setStationSla: { params: (i) => ({ stationId: i.stationId }), body: () => DEFAULT_SLA_POLICY },
  listStationOfficers: { params: (i) => ({ stationId: i.stationId }) },
  listStationEnterprises: { params: (i) => ({ stationId: i.stationId }) },
  createOfficer: { body: (i) => ({ name: '越权民警', stationId: i.stationId, mobile: '13700000001', badgeNo: '654321' }) },
  getOfficer: { params: (i) => ({ officerId: i.officerId }) },
  setOfficerLeave: { params: (i) => ({ officerId: i.officerId }), body: () => ({ onLeave: true, version: 1 }) },
  reissueOfficerInvite: { params: (i) => ({ officerId: i.officerId }) },
  listOfficerEnterprises: { params: (i) => ({ officerId: i.officerId }) },
  handOverEnterprises: { params: (i) => ({ officerId: i.officerId }), body: () => ({}) },
  registerEnterprise: 'self',
  getEnterprise: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
  getEnterpriseFile: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
  reassignEnterprise: { params: (i) => ({ enterpriseId: i.enterpriseId }), body: (i) => ({ officerId: i.officerId, version: i.version }) },
  listEnterpriseMembers: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
  inviteEnterpriseStaff: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
  createAppeal: 'self',
  getAppeal: { params: (i) => ({ appealId: i.appealId }) },
  actOnAppeal: { params: (i) => ({ appealId: i.appealId }), body: () => ({ action: 'accept', version: 1 }) },
  listAppealMessages: { params: (i) => ({ appealId: i.appealId }) },
  postAppealMessage: { params: (i) => ({ appealId: i.appealId }), body: () => ({ text: '越权留言' }) },
  listEnterpriseAppeals: { params: (i) => ({ enterpriseId: i.enterpriseId }) },
  officerInbox: { params: (i) => ({ officerId: i.officerId }) },
  stationQueue: { params: (i) => ({ stationId: i.stationId }), query: { view: 'open' } },
  stationQueueSummary: { params: (i) => ({ stationId: i.stationId }) },
  stationWeek: { params: (i) => ({ stationId: i.stationId }) },
  centreQueue: { query: { view: 'open' } },
  listBookingServices: { params: (i) => ({ stationId: i.stationId }) },
  setBookingService: { params: (i) => ({ stationId: i.stationId, serviceId: 'residence' }), body: () => ({ enabled: false, seatsPerSlot: 1, slotMinutes: 20 }) },
  getBookingSchedule: { params: (i) => ({ stationId: i.stationId }) },
  setBookingSchedule: { params: (i) => ({ stationId: i.stationId }), body: () => ({ ...DEFAULT_STATION_SCHEDULE, blocked: [] }) },
  listBookingSlots: { params: (i) => ({ stationId: i.stationId, serviceId: 'residence' }) },
  createBooking: 'self',
  listMyBookings: 'self',
  getBooking: { params: (i) => ({ bookingId: i.bookingId }) },
  actOnBooking: { params: (i) => ({ bookingId: i.bookingId }), body: () => ({ action: 'cancel', version: 1, reason: '越权取消预约' }) },
  listStationBookings: { params: (i) => ({ stationId: i.stationId }), query: { date: FOREIGN_BOOKING_DAY } },
  closeBookingSlot: { params: (i) => ({ stationId: i.stationId }), body: () => ({ serviceId: 'residence', slotStart: FOREIGN_BOOKING_START, reason: '越权停约' }) },
  closeBookingDay: { params: (i) => ({ stationId: i.stationId }), body: () => ({ date: FOREIGN_BOOKING_DAY, reason: '越权停约' }) },
};
const CASES = Object.assign({}, BASE_CASES, ...MODULES.map((m) => m.cases)) as Record<RouteName, CaseEntry>;

let a: Side;
let b: Side;
let tokens: Record<Exclude<Role, 'centre'>, string>;
let foreign: Ids;
/** Same station as officer A, but assigned to a colleague: still not officer A's to see. */
let colleagues: Ids;

beforeAll(async () => {
  await createTestTable('authz');
  ({ a, b } = await twoStations());
  const owner = async (side: Side, n: number) => {
    const g = await guest(`authz-${side.stationId}-${n}`);
    const reply = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(side.stationId, 5000 + n) });
    return reply.body;
  };
  const entA = await owner(a, 1);
  const entB = await owner(b, 2);
  const appealOf = async (session: { accessToken: string }) =>
    (
      await call(appeals, 'createAppeal', {
        token: session.accessToken,
        body: { type: 'help', category: 'other', urgency: 'normal', title: '需要协助的事项', description: '这是一条用于越权测试的诉求内容。' },
      })
    ).body.appeal.id as string;
  const appealB = await appealOf(entB.session);
  // Make sure officer A's colleague holds an enterprise.
  let entA2 = await owner(a, 3);
  while (entA2.enterprise.officerId === a.officers[0].id) entA2 = await owner(a, 4 + Math.floor(Math.random() * 1000));
  const appealA2 = await appealOf(entA2.session);
  tokens = {
    guest: (await guest('authz-guest')).token,
    enterprise: entA.session.accessToken,
    officer: a.tokens.officer,
    chief: a.tokens.chief,
  };
  const bookingB = await bookAppointment(
    { role: 'enterprise', userId: `authz-${b.stationId}-2`, enterpriseId: entB.enterprise.id, memberRole: 'owner' },
    { serviceId: 'residence', slotStart: FOREIGN_BOOKING_START, contactName: '李经理', contactMobile: '13900000002', people: 2, onSite: false },
    new Date('2026-09-14T00:00:00Z'),
  );
  foreign = { stationId: b.stationId, officerId: b.officers[0].id, enterpriseId: entB.enterprise.id, version: entB.enterprise.version, appealId: appealB, bookingId: bookingB.booking.id };
  colleagues = { stationId: a.stationId, officerId: entA2.enterprise.officerId, enterpriseId: entA2.enterprise.id, version: entA2.enterprise.version, appealId: appealA2, bookingId: bookingB.booking.id };
  const sessionOf = (reply: typeof entA) => ({ id: reply.enterprise.id, officerId: reply.enterprise.officerId, accessToken: reply.session.accessToken, userId: reply.session.me.userId });
  const ctx = { a, b, tokens, entA: sessionOf(entA), entB: sessionOf(entB), entA2: sessionOf(entA2), appealB, appealA2 };
  for (const module of MODULES) {
    const extra = await module.setup?.(ctx);
    Object.assign(foreign, extra?.foreign);
    Object.assign(colleagues, extra?.colleagues);
  }
}, 120_000);

const VARIANTS = MODULES.flatMap((m) => m.variants ?? []);
/** [label, route, case]: every route's own case, then the modules' further shapes of a route. */
const guarded: [string, RouteName, Case][] = [
  ...((Object.entries(CASES) as [RouteName, CaseEntry][]).filter(([, c]) => typeof c === 'object') as [RouteName, Case][]).map(([n, c]): [string, RouteName, Case] => [n, n, c]),
  ...VARIANTS.map((v): [string, RouteName, Case] => [`${v.route} (${v.label})`, v.route, v.case]),
];

it('has a case for every route in the registry', () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(routes).sort());
});

describe.each(['guest', 'enterprise', 'officer', 'chief'] as const)('as %s', (role) => {
  it.each(guarded)("%s on another station's records: 403/404, no data", async (_label, name, c) => {
    const reply = await call(handlers[(routes[name] as RouteSpec).group], name, {
      token: tokens[role],
      params: c.params?.(foreign),
      body: c.body?.(foreign),
      query: c.query,
    });
    expect([403, 404]).toContain(reply.status);
    expect(Object.keys(reply.body)).toEqual(['error']);
  });
});

describe("as officer A on a colleague's enterprise of the same station", () => {
  const scoped = new Set(VARIANTS.filter((v) => v.enterpriseScoped).map((v) => `${v.route} (${v.label})`));
  const enterpriseRoutes = guarded.filter(([label, n]) => scoped.has(label) || /\{(enterpriseId|appealId)\}/.test((routes[n] as RouteSpec).path));
  it.each(enterpriseRoutes)('%s: 403/404, no data', async (_label, name, c) => {
    const reply = await call(handlers[(routes[name] as RouteSpec).group], name, { token: tokens.officer, params: c.params?.(colleagues), body: c.body?.(colleagues), query: c.query });
    expect([403, 404]).toContain(reply.status);
    expect(Object.keys(reply.body)).toEqual(['error']);
  });
  it("and on the colleague's own record", async () => {
    const reply = await call(officers, 'listOfficerEnterprises', { token: tokens.officer, params: { officerId: colleagues.officerId } });
    expect(reply.status).toBe(404);
  });
});

describe('role gates', () => {
  const gated = (Object.entries(routes) as [RouteName, RouteSpec][]).filter(([, s]) => s.roles !== 'public');
  it.each(gated)('%s admits only its declared roles', async (name, spec) => {
    const all: Role[] = ['guest', 'enterprise', 'officer', 'chief'];
    for (const role of all.filter((r) => !(spec.roles as readonly Role[]).includes(r))) {
      const c = CASES[name];
      const reply = await call(handlers[spec.group], name, {
        token: tokens[role as Exclude<Role, 'centre'>],
        params: typeof c === 'object' ? c.params?.(foreign) : undefined,
        body: typeof c === 'object' ? c.body?.(foreign) : { code: 'x', inviteCode: 'ABCDEFGH', ...registration(a.stationId, 99999) },
        query: typeof c === 'object' ? c.query : undefined,
      });
      expect({ role, status: reply.status }).toEqual({ role, status: 403 });
    }
    if (!(spec.roles as readonly Role[]).includes('centre')) {
      const c = CASES[name];
      const reply = await call(handlers[spec.group], name, { token: a.tokens.centre, params: typeof c === 'object' ? c.params?.(foreign) : undefined, query: typeof c === 'object' ? c.query : undefined });
      expect(reply.status).toBe(403);
    }
  });
});

it('centre staff see every station', async () => {
  const reply = await call(stations, 'listStationEnterprises', { token: a.tokens.centre, params: { stationId: b.stationId } });
  expect(reply.status).toBe(200);
  expect(reply.body.items.length).toBeGreaterThan(0);
});
