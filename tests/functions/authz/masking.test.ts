/**
 * Masking (PIPL 最小必要): no list answered to any role carries an unmasked mobile (a regex over every list
 * response of every role, walked from the registry); police see the enterprise's contact masked in its file
 * too; the full number comes from the reveal route only, and that reveal is access-logged.
 */
import { UNMASKED_MOBILE } from '../../../shared/domain/masking';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { issueAccessToken } from '../../../functions/lib/tokens';
import { bookAppointment } from '../../../functions/services/booking-service';
import { call } from '../../support/http';
import { createTestTable } from '../../support/table';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { everyListAs } from './walk';

const BOOKING_DAY = '2026-09-15';
let a: Side;
let owner: { token: string; enterpriseId: string; officerId: string; userId: string; mobile: string };
let officerToken: string;

beforeAll(async () => {
  await createTestTable('masking');
  ({ a } = await twoStations());
  const g = await guest('mask-owner');
  const body = registration(a.stationId, 8301);
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body });
  owner = { token: reg.body.session.accessToken, enterpriseId: reg.body.enterprise.id, officerId: reg.body.enterprise.officerId, userId: reg.body.session.me.userId, mobile: reg.body.enterprise.contactMobile };
  officerToken = await issueAccessToken({ role: 'officer', userId: `u-${owner.officerId}`, officerId: owner.officerId, stationId: a.stationId });
  await bookAppointment(
    { role: 'enterprise', userId: owner.userId, enterpriseId: owner.enterpriseId, memberRole: 'owner' },
    { serviceId: 'residence', slotStart: `${BOOKING_DAY}T10:00:00+08:00`, contactName: '李经理', contactMobile: '13900000077', people: 1, onSite: false },
    new Date('2026-09-14T00:00:00Z'),
  );
}, 60_000);

describe.each([
  ['enterprise', () => owner.token],
  ['officer', () => officerToken],
  ['chief', () => a.tokens.chief],
  ['centre', () => a.tokens.centre],
] as const)('as %s', (role, token) => {
  it('every list answered carries no unmasked mobile', async () => {
    const ids = { officerId: role === 'chief' ? a.chief.id : owner.officerId, enterpriseId: owner.enterpriseId, stationId: a.stationId };
    const pages = await everyListAs(role, token(), ids, { listStationBookings: { date: BOOKING_DAY } });
    const lists = pages.filter((p) => p.status === 200 && Array.isArray(p.body.items));
    expect(lists.length).toBeGreaterThan(3);
    const leaks = lists.filter((p) => UNMASKED_MOBILE.test(JSON.stringify(p.body.items))).map((p) => p.route);
    expect(leaks).toEqual([]);
    if (role !== 'enterprise') {
      const file = pages.find((p) => p.route === 'getEnterpriseFile')!;
      expect(file.status).toBe(200);
      // The enterprise's contact and its bookings are masked; the liaison officer's work phone (officer card) is not personal data of the enterprise.
      expect(UNMASKED_MOBILE.test(JSON.stringify([file.body.enterprise, file.body.sections]))).toBe(false);
    }
  });
});

it('the station lists show 138****1234 and the surname only', async () => {
  const pages = await everyListAs('chief', a.tokens.chief, { stationId: a.stationId, officerId: a.chief.id, enterpriseId: owner.enterpriseId }, { listStationBookings: { date: BOOKING_DAY } });
  const list = pages.find((p) => p.route === 'listStationEnterprises')!.body.items[0];
  expect(list.contactMobile).toBe(`${owner.mobile.slice(0, 3)}****${owner.mobile.slice(7)}`);
  expect(list.contactName).toMatch(/^.\*+$/);
  expect(pages.find((p) => p.route === 'listStationBookings')!.body.items[0]).toMatchObject({ contactName: '李**', contactMobile: '139****0077' });
  expect(pages.find((p) => p.route === 'listStationOfficers')!.body.items.every((o: { mobile: string }) => o.mobile.includes('****'))).toBe(true);
});

it('the full number only through reveal, which is access-logged', async () => {
  const reveal = await call(enterprises, 'revealEnterpriseContact', { token: officerToken, params: { enterpriseId: owner.enterpriseId } });
  expect(reveal.status).toBe(200);
  expect(reveal.body.contactMobile).toBe(owner.mobile);
  const log = await call(enterprises, 'enterpriseAccessLog', { token: owner.token, params: { enterpriseId: owner.enterpriseId } });
  expect(log.body.items[0]).toMatchObject({ what: 'contact', actorRole: 'officer', route: 'POST /enterprises/{enterpriseId}/contact/reveal' });
  // Someone else's enterprise: 404, nothing revealed.
  const colleague = await issueAccessToken({ role: 'officer', userId: 'u-x', officerId: a.officers.find((o) => o.id !== owner.officerId)!.id, stationId: a.stationId });
  expect((await call(enterprises, 'revealEnterpriseContact', { token: colleague, params: { enterpriseId: owner.enterpriseId } })).status).toBe(404);
  // The enterprise itself still sees its own contact in full.
  const own = await call(enterprises, 'getEnterprise', { token: owner.token, params: { enterpriseId: owner.enterpriseId } });
  expect(own.body.contactMobile).toBe(owner.mobile);
});
