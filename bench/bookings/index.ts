/**
 * Bookings (预约办证): what one booking costs, and what the capacity guard does under a rush.
 *
 * (a) uncontended: enterprises book, one at a time, into slots that still have seats; latency of the whole
 *     service call (bookAppointment from functions/services/booking-service.ts, the handler's path), the reads
 *     it makes, and the WCU of its TransactWriteItems as AWS charges it (replayed on a shadow table, below).
 * (b) contention: 200 enterprises call bookAppointment at once for the same 5-seat slot, over several slots in
 *     turn. Successes and 已约满 refusals are timed separately; the TransactWriteItems attempts are counted on
 *     the app's client, so the repository's retries (after TransactionConflict) are visible; after each round
 *     the slot's seat counter and the bookings stored in the station's day queue are compared with capacity.
 *
 * Bench-only data: fresh enterprises at the busiest station (copies of one of its seeded enterprises), and
 * the station's 'consultation' service set to 5 seats per 30-minute slot.
 */
import { performance } from 'node:perf_hooks';
import { BatchGetCommand, DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { createAppTable } from '../../dev/dynamodb-local';
import { collectAll, db } from '../../functions/lib/dynamo';
import { bookingRepository } from '../../functions/repositories/booking-repository';
import { enterpriseItem } from '../../functions/repositories/enterprise-repository';
import { bookAppointment, listBookingSlots, setBookingService } from '../../functions/services/booking-service';
import { SlotFull } from '../../shared/bookings/errors';
import { localDateOf } from '../../shared/bookings/slots';
import type { Slot } from '../../shared/bookings/schemas';
import type { Principal } from '../../shared/domain/principal';
import type { Enterprise } from '../../shared/schemas/enterprise';
import { BatchLoader, documentClient } from '../dynamo';
import { fmt, markdownTable, progressLine, steady, summarise, textTable, type Stats, type Table } from '../lib';
import type { BenchContext, BenchModule } from '../module';

const SERVICE = 'consultation' as const;
const SEATS = 5;
const BOOKERS = 200;
/** Extra uncontended bookings, not timed, whose transactions are costed by replay. */
const REPLAYED = 10;
const SHADOW = 'zqztc-bench-bookings-shadow';

// ---- the app's TransactWriteItems, observed on db() --------------------------------------------------------

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;
type Key = { pk: unknown; sk: unknown };
const keyString = (k: Key) => `${String(k.pk)}|${String(k.sk)}`;

type TxCounts = { attempts: number; committed: number; conflicts: number; conditionFailed: number; wcu: number; localWcu: number; replayed: number };
const zero = (): TxCounts => ({ attempts: 0, committed: 0, conflicts: 0, conditionFailed: 0, wcu: 0, localWcu: 0, replayed: 0 });

function keyOf(t: TransactItem): Key | null {
  if (t.Put?.Item) return { pk: t.Put.Item.pk, sk: t.Put.Item.sk };
  const k = t.Update?.Key ?? t.Delete?.Key ?? t.ConditionCheck?.Key;
  return k ? { pk: k.pk, sk: k.sk } : null;
}

/**
 * Counts every TransactWriteItems the app sends (attempts, commits, cancellations by reason) and, with replay
 * on, costs each committed one as AWS documents it: 2 WCU per KB of each item written (an Update or Delete
 * charged on the larger of the old and new item, which a lone UpdateItem/DeleteItem on a shadow table holding
 * the old item reports), and a ConditionCheck charged like a write of the checked item (1 unit when absent).
 * The meter in bench/dynamo.ts replays only Put and Delete; the booking transaction also has two Updates and
 * a ConditionCheck, hence this one.
 */
function watchTransactions(client: DynamoDBDocumentClient, doc: DynamoDBDocumentClient, tableName: string) {
  let counts = zero();
  let replay = false;
  const name = 'benchBookingsTransactions';
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!/^TransactWrite/.test(context.commandName ?? '')) return next(args);
      const items = (args.input as { TransactItems?: TransactItem[] }).TransactItems ?? [];
      const before = replay ? await oldItems(doc, tableName, items) : null;
      counts.attempts += 1;
      try {
        const out = await next(args);
        counts.committed += 1;
        const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number }[] }).ConsumedCapacity ?? [];
        counts.localWcu += consumed.reduce((a, x) => a + (x.CapacityUnits ?? 0), 0);
        if (before) {
          counts.wcu += await replayAlone(doc, tableName, items, before);
          counts.replayed += 1;
        }
        return out;
      } catch (error) {
        if (error instanceof Error && error.name === 'TransactionCanceledException') {
          const codes = ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? 'None');
          if (codes.includes('ConditionalCheckFailed')) counts.conditionFailed += 1;
          else if (codes.includes('TransactionConflict')) counts.conflicts += 1;
        }
        throw error;
      }
    },
    { step: 'initialize', name, override: true },
  );
  return {
    take(): TxCounts {
      const c = counts;
      counts = zero();
      return c;
    },
    replay(on: boolean) {
      replay = on;
    },
    remove() {
      client.middlewareStack.remove(name);
    },
  };
}

async function oldItems(doc: DynamoDBDocumentClient, tableName: string, items: TransactItem[]): Promise<Map<string, Item>> {
  const keys = items.map(keyOf).filter((k): k is Key => k !== null);
  const found = new Map<string, Item>();
  const out = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }));
  if (out.UnprocessedKeys && Object.keys(out.UnprocessedKeys).length) throw new Error('bookings bench: BatchGet left keys unprocessed');
  for (const item of out.Responses?.[tableName] ?? []) found.set(keyString({ pk: item.pk, sk: item.sk }), item);
  return found;
}

async function replayAlone(doc: DynamoDBDocumentClient, tableName: string, items: TransactItem[], before: Map<string, Item>): Promise<number> {
  let units = 0;
  for (const t of items) {
    const key = keyOf(t);
    if (!key) continue;
    if ([t.Put?.TableName, t.Update?.TableName, t.Delete?.TableName, t.ConditionCheck?.TableName].every((n) => n !== tableName)) continue;
    const old = before.get(keyString(key));
    await doc.send(new DeleteCommand({ TableName: SHADOW, Key: key }));
    if (t.ConditionCheck) {
      units += old ? ((await doc.send(new PutCommand({ TableName: SHADOW, Item: old, ReturnConsumedCapacity: 'TOTAL' }))).ConsumedCapacity?.CapacityUnits ?? 0) : 1;
    } else {
      if (old) await doc.send(new PutCommand({ TableName: SHADOW, Item: old }));
      const out = t.Put
        ? await doc.send(new PutCommand({ ...t.Put, TableName: SHADOW, ReturnConsumedCapacity: 'TOTAL' }))
        : t.Update
          ? await doc.send(new UpdateCommand({ ...t.Update, TableName: SHADOW, ReturnConsumedCapacity: 'TOTAL' }))
          : await doc.send(new DeleteCommand({ ...t.Delete!, TableName: SHADOW, ReturnConsumedCapacity: 'TOTAL' }));
      units += out.ConsumedCapacity?.CapacityUnits ?? 0;
    }
    await doc.send(new DeleteCommand({ TableName: SHADOW, Key: key }));
  }
  return 2 * units;
}

// ---- set-up ---------------------------------------------------------------------------------------------

type Setup = { stationId: string; stationName: string; chief: Principal; template: Enterprise };

function pickStation(ctx: BenchContext): Setup {
  const d = ctx.district;
  const perStation = new Map<string, number>();
  for (const e of d.enterprises) perStation.set(e.stationId, (perStation.get(e.stationId) ?? 0) + 1);
  const stationId = [...perStation.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  const chief = d.officers.find((o) => o.isChief && o.stationId === stationId)!;
  return {
    stationId,
    stationName: d.stations.find((s) => s.id === stationId)!.name,
    chief: { role: 'chief', userId: chief.userId ?? `u-chief-${stationId}`, officerId: chief.id, stationId },
    template: d.enterprises.find((e) => e.stationId === stationId)!,
  };
}

async function addEnterprises(ctx: BenchContext, s: Setup, prefix: string, n: number): Promise<Principal[]> {
  const doc = documentClient(ctx.endpoint);
  try {
    const loader = new BatchLoader(doc, ctx.tableName);
    const out: Principal[] = [];
    for (let i = 0; i < n; i++) {
      const id = `${prefix}-${i}`;
      await loader.put(enterpriseItem({ ...s.template, id, name: `重庆预约压测${prefix}${i}号科技有限公司` }));
      out.push({ role: 'enterprise', userId: `u-${id}`, enterpriseId: id, memberRole: 'owner' });
    }
    await loader.flush();
    return out;
  } finally {
    doc.destroy();
  }
}

const bodyFor = (slot: Slot, n: number) => ({
  serviceId: SERVICE,
  slotStart: slot.start,
  contactName: '张经理',
  contactMobile: `139${String(10_000_000 + (n % 90_000_000))}`,
  people: 1,
  onSite: false,
});

/** Seats taken in the counter vs bookings of this slot stored in the station's day queue. */
async function check(stationId: string, slot: Slot): Promise<{ counter: number; stored: number }> {
  const counters = await bookingRepository.dayCounters(stationId, slot.date);
  const stored = await collectAll((cursor) => bookingRepository.listStationDay(stationId, slot.date, { cursor, limit: 100 }));
  return { counter: counters.slots[slot.key]?.booked ?? 0, stored: stored.filter((b) => b.slotStart === slot.start && b.serviceId === SERVICE).length };
}

// ---- the module -----------------------------------------------------------------------------------------

type Round = {
  slot: string;
  bookers: number;
  booked: number;
  refusedFull: number;
  other: Record<string, number>;
  attempts: number;
  retries: number;
  conflicts: number;
  conditionFailed: number;
  counter: number;
  stored: number;
  overbooked: number;
  wallMs: number;
};

type Data = {
  station: { id: string; name: string };
  service: string;
  seatsPerSlot: number;
  now: string;
  uncontended: {
    samples: number;
    warmup: number;
    latency: Stats;
    /** requests the service call sends (reads, the transaction, the notification BatchWrite) */
    requests: number;
    rcu: number | { min: number; max: number };
    /** the booking transaction as AWS charges it (replayed) */
    transactionWcu: number | { min: number; max: number };
    /** every write of the call: the transaction as AWS charges it plus the notification as Local reports it */
    callWcu: number | { min: number; max: number };
    localReportedWcu: number | { min: number; max: number };
    retries: number;
    slots: number;
    overbooked: number;
    counterMismatches: number;
  };
  contention: {
    bookers: number;
    rounds: Round[];
    success: Stats;
    refusedFull: Stats;
    other: Stats;
    retries: number;
    overbooked: number;
    everyRoundExactlySeats: boolean;
  };
};

async function run(ctx: BenchContext): Promise<{ data: Data; markdown: string; text: string }> {
  const quick = ctx.quick;
  const samples = quick ? { n: 40, warmup: 5 } : { n: 200, warmup: 20 };
  const rounds = quick ? 2 : 5;
  const s = pickStation(ctx);
  await createAppTable(ctx.endpoint, SHADOW, { fresh: true });
  const doc = documentClient(ctx.endpoint);
  const tx = watchTransactions(db(), doc, ctx.tableName);
  const progress = progressLine();
  try {
    await setBookingService(s.chief, s.stationId, SERVICE, { enabled: true, seatsPerSlot: SEATS, slotMinutes: 30 }, ctx.now);
    const uncontendedCount = samples.warmup + samples.n + REPLAYED;
    const single = await addEnterprises(ctx, s, 'bench-bk-u', uncontendedCount);
    const racers: Principal[][] = [];
    for (let r = 0; r < rounds; r++) racers.push(await addEnterprises(ctx, s, `bench-bk-r${r}`, BOOKERS));

    // Slots from tomorrow on (the minimum notice cannot interfere): the first ones for the rushes, the rest
    // filled five bookings each, one booking at a time.
    const today = localDateOf(ctx.now);
    const { items } = await listBookingSlots(single[0], s.stationId, SERVICE, {}, ctx.now);
    const slots = items.filter((x) => x.date > today && x.booked === 0 && x.capacity === SEATS);
    const needed = rounds + Math.ceil(uncontendedCount / SEATS);
    if (slots.length < needed) throw new Error(`bookings bench: ${slots.length} free slots, need ${needed}`);
    const raceSlots = slots.slice(0, rounds);
    const fillSlots = slots.slice(rounds, needed);
    ctx.log(`  station ${s.stationName} (${s.stationId}), ${SERVICE} at ${SEATS} seats; ${fmt.num(uncontendedCount + rounds * BOOKERS)} bench enterprises; ${slots.length} free slots`);

    // (a) uncontended
    const latencies: number[] = [];
    const rcu: number[] = [];
    const localWcu: number[] = [];
    const txWcu: number[] = [];
    const callWcu: number[] = [];
    let requests = 0;
    let uncontendedRetries = 0;
    for (let i = 0; i < uncontendedCount; i++) {
      const replaying = i >= samples.warmup + samples.n;
      tx.replay(replaying);
      ctx.appCapacity.take();
      tx.take();
      const t0 = performance.now();
      await bookAppointment(single[i], bodyFor(fillSlots[Math.floor(i / SEATS)], i), ctx.now);
      const ms = performance.now() - t0;
      const c = ctx.appCapacity.take();
      const t = tx.take();
      uncontendedRetries += t.attempts - 1;
      if (replaying) {
        txWcu.push(t.wcu);
        // the transaction's Local figure replaced by the replayed one; the notification BatchWrite as reported
        callWcu.push(t.wcu + c.write - t.localWcu);
      } else if (i >= samples.warmup) {
        latencies.push(ms);
        rcu.push(c.read);
        localWcu.push(c.write);
        requests = Math.max(requests, c.calls);
      }
      if (i % 10 === 0) progress.update(`  uncontended ${i + 1}/${uncontendedCount}`);
    }
    tx.replay(false);
    progress.done(`  uncontended: ${samples.n} bookings timed, p50 ${fmt.ms(summarise(latencies).p50)} ms`);
    let overbookedSingle = 0;
    let mismatches = 0;
    for (const slot of fillSlots) {
      const c = await check(s.stationId, slot);
      overbookedSingle += Math.max(0, c.stored - SEATS) + Math.max(0, c.counter - SEATS);
      if (c.counter !== c.stored) mismatches++;
    }

    // (b) contention
    const success: number[] = [];
    const refused: number[] = [];
    const other: number[] = [];
    const roundRows: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      const slot = raceSlots[r];
      tx.take();
      const w0 = performance.now();
      const outcomes = await Promise.all(
        racers[r].map(async (caller, n) => {
          const t0 = performance.now();
          try {
            await bookAppointment(caller, bodyFor(slot, n), ctx.now);
            return { ms: performance.now() - t0, kind: 'booked' };
          } catch (error) {
            const ms = performance.now() - t0;
            if (error instanceof SlotFull) return { ms, kind: 'full' };
            return { ms, kind: (error as { code?: string }).code ?? (error instanceof Error ? error.name : 'error') };
          }
        }),
      );
      const wallMs = performance.now() - w0;
      const t = tx.take();
      const c = await check(s.stationId, slot);
      const otherKinds: Record<string, number> = {};
      for (const o of outcomes) {
        if (o.kind === 'booked') success.push(o.ms);
        else if (o.kind === 'full') refused.push(o.ms);
        else {
          other.push(o.ms);
          otherKinds[o.kind] = (otherKinds[o.kind] ?? 0) + 1;
        }
      }
      const row: Round = {
        slot: slot.start,
        bookers: BOOKERS,
        booked: outcomes.filter((o) => o.kind === 'booked').length,
        refusedFull: outcomes.filter((o) => o.kind === 'full').length,
        other: otherKinds,
        attempts: t.attempts,
        retries: t.attempts - BOOKERS,
        conflicts: t.conflicts,
        conditionFailed: t.conditionFailed,
        counter: c.counter,
        stored: c.stored,
        overbooked: Math.max(0, c.stored - SEATS) + Math.max(0, c.counter - SEATS),
        wallMs,
      };
      roundRows.push(row);
      ctx.log(
        `  round ${r + 1}/${rounds}: ${row.booked} booked, ${row.refusedFull} 已约满, ${Object.values(otherKinds).reduce((a, b) => a + b, 0)} other; ${row.retries} retries; counter ${row.counter}, stored ${row.stored} (${fmt.secs(wallMs)})`,
      );
    }

    const data: Data = {
      station: { id: s.stationId, name: s.stationName },
      service: SERVICE,
      seatsPerSlot: SEATS,
      now: ctx.now.toISOString(),
      uncontended: {
        samples: samples.n,
        warmup: samples.warmup,
        latency: summarise(latencies),
        requests,
        rcu: steady(rcu),
        transactionWcu: steady(txWcu),
        callWcu: steady(callWcu),
        localReportedWcu: steady(localWcu),
        retries: uncontendedRetries,
        slots: fillSlots.length,
        overbooked: overbookedSingle,
        counterMismatches: mismatches,
      },
      contention: {
        bookers: BOOKERS,
        rounds: roundRows,
        success: summarise(success),
        refusedFull: summarise(refused),
        other: summarise(other),
        retries: roundRows.reduce((a, r) => a + r.retries, 0),
        overbooked: roundRows.reduce((a, r) => a + r.overbooked, 0),
        everyRoundExactlySeats: roundRows.every((r) => r.booked === SEATS && r.counter === SEATS && r.stored === SEATS),
      },
    };
    return { data, ...render(data) };
  } finally {
    tx.replay(false);
    tx.remove();
    doc.destroy();
  }
}

function render(d: Data): { markdown: string; text: string } {
  const u = d.uncontended;
  const c = d.contention;
  const latencyTable: Table = {
    headers: ['case', 'n', 'p50', 'p90', 'p99', 'max', 'WCU (AWS)', 'WCU as Local reports', 'RCU', 'requests'],
    align: ['l'],
    rows: [
      [
        'uncontended booking',
        String(u.latency.n),
        fmt.ms(u.latency.p50),
        fmt.ms(u.latency.p90),
        fmt.ms(u.latency.p99),
        fmt.ms(u.latency.max),
        `${fmt.cu(u.transactionWcu)} tx / ${fmt.cu(u.callWcu)} call`,
        fmt.cu(u.localReportedWcu),
        fmt.cu(u.rcu),
        String(u.requests),
      ],
      [`rush: booked`, String(c.success.n), fmt.ms(c.success.p50), fmt.ms(c.success.p90), fmt.ms(c.success.p99), fmt.ms(c.success.max), '', '', '', ''],
      [`rush: 已约满 refused`, String(c.refusedFull.n), fmt.ms(c.refusedFull.p50), fmt.ms(c.refusedFull.p90), fmt.ms(c.refusedFull.p99), fmt.ms(c.refusedFull.max), '', '', '', ''],
      ...(c.other.n ? [[`rush: other errors`, String(c.other.n), fmt.ms(c.other.p50), fmt.ms(c.other.p90), fmt.ms(c.other.p99), fmt.ms(c.other.max), '', '', '', '']] : []),
    ],
  };
  const roundTable: Table = {
    headers: ['round', 'slot', 'bookers', 'booked', '已约满', 'other', 'tx attempts', 'retries', 'conflicts', 'cond. failed', 'counter', 'stored', 'overbooked', 'wall'],
    align: ['r', 'l'],
    rows: c.rounds.map((r, i) => [
      String(i + 1),
      r.slot,
      String(r.bookers),
      String(r.booked),
      String(r.refusedFull),
      Object.entries(r.other)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '0',
      String(r.attempts),
      String(r.retries),
      String(r.conflicts),
      String(r.conditionFailed),
      String(r.counter),
      String(r.stored),
      String(r.overbooked),
      fmt.secs(r.wallMs),
    ]),
  };
  const verdict =
    `Every round booked exactly ${d.seatsPerSlot}: ${c.everyRoundExactlySeats ? 'yes' : 'NO'}; overbookings: ${c.overbooked} in the rushes, ` +
    `${u.overbooked} in the ${u.slots} uncontended slots (counter ≠ stored: ${u.counterMismatches}); repository retries: ${c.retries} in the rushes, ${u.retries} uncontended.`;
  const markdown = [
    `Station ${d.station.name} (${d.station.id}, the one with the most enterprises), service \`${d.service}\` set to ${d.seatsPerSlot} seats per`,
    `30-minute slot; as of ${d.now}, bookings into slots from the next day on. Each booker is a fresh bench enterprise at that`,
    'station, calling `bookAppointment` (functions/services/booking-service.ts) as the handler does; latencies in ms.',
    '',
    `*Uncontended*: ${u.samples} bookings after ${u.warmup} warm-up, one at a time, filling slots ${d.seatsPerSlot} bookings each.`,
    `*Rush*: ${c.bookers} bookers call at once for one empty ${d.seatsPerSlot}-seat slot, ${c.rounds.length} rounds on different slots; each`,
    'latency runs from the call to its own answer. *tx attempts* counts the TransactWriteItems the app sent (on its',
    'own client); *retries* = attempts − bookers, the repository re-trying after a TransactionConflict while seats',
    "seemed left; *cond. failed* = attempts refused by the seat condition. *counter* is the slot's seat counter,",
    "*stored* the bookings of that slot in the station's day queue.",
    '',
    'Capacity: DynamoDB Local under-reports TransactWriteItems, so *WCU (AWS)* costs the booking transaction as AWS',
    `documents it — 2 WCU per KB of each item, the seat and active-set Updates at the larger of old and new item and`,
    `the day ConditionCheck as a write of the checked item (1 unit, the item is absent) — replayed item by item on a`,
    `shadow table for ${REPLAYED} extra untimed bookings; *call* adds the notification BatchWrite. Refusals cost a`,
    'cancelled transaction plus reads; not costed here.',
    '',
    markdownTable(latencyTable),
    '',
    markdownTable(roundTable),
    '',
    verdict,
    ...(c.rounds.every((r) => r.conflicts === 0)
      ? [
          '',
          'DynamoDB Local cancelled no transaction with TransactionConflict (it applies them one after another), so the',
          'retry path is not exercised here; every loser was refused by the seat condition on its first attempt. On AWS,',
          'concurrent transactions on the seat counter can conflict and the repository retries them (up to 12 attempts).',
        ]
      : []),
    '',
  ].join('\n');
  const text = ['Latency (ms) and capacity:', textTable(latencyTable), '', 'Rush rounds:', textTable(roundTable), verdict].join('\n');
  return { markdown, text };
}

export const bookingsModule: BenchModule = {
  id: 'bookings',
  title: 'Bookings: one booking, and 200 bookers for one 5-seat slot',
  order: 20,
  run,
};
