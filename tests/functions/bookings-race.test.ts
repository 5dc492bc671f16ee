/**
 * The capacity guard of 预约办证 under real concurrency on DynamoDB Local: 200 enterprises press 预约 on the
 * same 5-seat slot at once. The seat is taken in the booking's own transaction, so exactly 5 get in.
 */
import { handler as bookings } from '../../functions/handlers/bookings';
import { enterpriseItem } from '../../functions/repositories/enterprise-repository';
import { bookingRepository } from '../../functions/repositories/booking-repository';
import { issueAccessToken } from '../../functions/lib/tokens';
import { collectAll } from '../../functions/lib/dynamo';
import { localDateOf } from '../../shared/bookings/slots';
import type { Enterprise } from '../../shared/schemas/enterprise';
import { call } from '../support/http';
import { createTestTable } from '../support/table';
import { makeCreditCode, nextMobile, twoStations, writeItems, type Side } from '../support/fixtures';

const BOOKERS = 60;
const SEATS = 5;

let a: Side;
let tokens: string[];

beforeAll(async () => {
  await createTestTable('race');
  ({ a } = await twoStations());
  const enterprises: Enterprise[] = Array.from({ length: BOOKERS }, (_, n) => ({
    id: `race-ent-${n}`,
    name: `重庆抢号${n}号科技有限公司`,
    creditCode: makeCreditCode(70000 + n),
    industry: 'wholesale-retail',
    address: '重庆市渝中区解放碑民族路188号',
    stationId: a.stationId,
    officerId: a.officers[0].id,
    contactName: '张经理',
    contactMobile: nextMobile(),
    employeeCount: 20,
    createdAt: '2026-11-02T01:00:00.000Z',
    version: 1,
  }));
  await writeItems(enterprises.map(enterpriseItem));
  tokens = await Promise.all(enterprises.map((e) => issueAccessToken({ role: 'enterprise', userId: `u-${e.id}`, enterpriseId: e.id, memberRole: 'owner' })));
  const settings = await call(bookings, 'setBookingService', { token: a.tokens.chief, params: { stationId: a.stationId, serviceId: 'consultation' }, body: { enabled: true, seatsPerSlot: SEATS, slotMinutes: 30 } });
  expect(settings.status).toBe(200);
});

it(`${BOOKERS} enterprises race for one ${SEATS}-seat slot: exactly ${SEATS} get it, the rest are told 已约满`, async () => {
  const slots = await call(bookings, 'listBookingSlots', { token: tokens[0], params: { stationId: a.stationId, serviceId: 'consultation' } });
  expect(slots.status).toBe(200);
  // A slot on a later day, so the minimum notice cannot run out while the test runs.
  const slot = slots.body.items.find((s: { date: string }) => s.date > localDateOf(Date.now()));
  expect(slot).toMatchObject({ capacity: SEATS, booked: 0, left: SEATS });

  // As the app does: a 503 (系统繁忙, DynamoDB Local slow under 200 requests at once on a busy machine) is
  // retried with the same Idempotency-Key until a final answer, so it can neither lose nor double a seat.
  let busy = 0;
  const replies = await Promise.all(
    tokens.map(async (token, n) => {
      const headers = { 'idempotency-key': `race-${n}-${Date.now().toString(36)}` };
      for (;;) {
        const reply = await call(bookings, 'createBooking', {
          token,
          headers,
          body: { serviceId: 'consultation', slotStart: slot.start, contactName: '张经理', contactMobile: `139${String(10000000 + n)}`, people: 1, onSite: false },
        });
        if (reply.status !== 503) return reply;
        busy += 1;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }),
  );
  console.log(`race: ${busy} answers 503 on the way (retried with the same key)`);

  const statuses = replies.map((r) => r.status);
  const refused = replies.filter((r) => r.status === 409);
  console.log(
    `race: ${statuses.filter((s) => s === 201).length} booked, ${refused.length} refused, other ${statuses.filter((s) => s !== 201 && s !== 409).length}`,
    JSON.stringify(
      replies
        .filter((r) => r.status !== 201 && r.status !== 409)
        .slice(0, 2)
        .map((r) => r.body),
    ),
  );
  expect(statuses.filter((s) => s === 201)).toHaveLength(SEATS);
  expect(refused).toHaveLength(BOOKERS - SEATS);
  for (const r of refused) {
    expect(r.body.error.code).toBe('SLOT_FULL');
    expect(r.body.error.message).toContain('已约满');
  }

  const counters = await bookingRepository.dayCounters(a.stationId, slot.date);
  expect(counters.slots[slot.key].booked).toBe(SEATS);
  const stored = await collectAll((cursor) => bookingRepository.listStationDay(a.stationId, slot.date, { cursor, limit: 100 }));
  expect(stored.filter((b) => b.slotStart === slot.start)).toHaveLength(SEATS);
  const winners = replies.filter((r) => r.status === 201).map((r) => r.body.booking.code);
  expect(new Set(winners).size).toBe(SEATS);

  const after = await call(bookings, 'listBookingSlots', { token: tokens[0], params: { stationId: a.stationId, serviceId: 'consultation' }, query: { from: slot.date, days: '1' } });
  expect(after.body.items.find((s: { key: string }) => s.key === slot.key)).toMatchObject({ booked: SEATS, left: 0 });
}, 300_000);

it('one enterprise taps 预约 50 times at once on one slot: exactly one booking, the rest 您已预约该时段', async () => {
  const slots = await call(bookings, 'listBookingSlots', { token: tokens[0], params: { stationId: a.stationId, serviceId: 'consultation' } });
  const later = slots.body.items.filter((s: { date: string; left: number }) => s.date > localDateOf(Date.now()) && s.left === SEATS);
  const slot = later[later.length - 1];
  const token = tokens[BOOKERS - 1];
  // A 503 (系统繁忙: the hot slot's transactions kept cancelling each other) decided nothing: the tap is
  // sent again, as the app retries, until it gets a final answer.
  const replies = await Promise.all(
    Array.from({ length: 50 }, async () => {
      for (;;) {
        const reply = await call(bookings, 'createBooking', { token, body: { serviceId: 'consultation', slotStart: slot.start, contactName: '张经理', contactMobile: '13900002222', people: 1, onSite: false } });
        if (reply.status !== 503) return reply;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }),
  );
  const booked = replies.filter((r) => r.status === 201);
  const others = replies.filter((r) => r.status !== 201);
  console.log(`one enterprise, 50 taps: ${booked.length} booked, ${others.length} refused (${[...new Set(others.map((r) => r.body.error.code))].join(', ')})`);
  expect(booked).toHaveLength(1);
  for (const r of others) {
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SLOT_ALREADY_BOOKED');
    expect(r.body.error.message).toContain('您已预约该时段');
  }
  const counters = await bookingRepository.dayCounters(a.stationId, slot.date);
  expect(counters.slots[slot.key].booked).toBe(1);

  // Cancelling frees the slot for this enterprise again.
  const id = booked[0].body.booking.id;
  const cancel = await call(bookings, 'actOnBooking', { token, params: { bookingId: id }, body: { action: 'cancel', version: booked[0].body.booking.version, reason: '临时有事' } });
  expect(cancel.status).toBe(200);
  const again = await call(bookings, 'createBooking', { token, body: { serviceId: 'consultation', slotStart: slot.start, contactName: '张经理', contactMobile: '13900002222', people: 1, onSite: false } });
  expect(again.status).toBe(201);
}, 120_000);
