import fc from 'fast-check';
import { isOfficialWorkday } from '../../../shared/appeals/sla';
import { canChange, changeDeadline, computeSlots, findSlot, isActiveBooking, localDateOf, slotKey } from '../../../shared/bookings/slots';
import { booking, hhmm, query, service, sh, STATION } from './fixtures';

const MORNING_20 = ['09:00', '09:20', '09:40', '10:00', '10:20', '10:40', '11:00', '11:20', '11:40'];
const AFTERNOON_20 = ['14:00', '14:20', '14:40', '15:00', '15:20', '15:40', '16:00', '16:20', '16:40', '17:00'];

const datesOf = (slots: { date: string }[]) => [...new Set(slots.map((s) => s.date))];
const timesOn = (slots: { date: string; start: string }[], date: string) => slots.filter((s) => s.date === date).map((s) => hhmm(s.start));

describe('computeSlots on a normal week', () => {
  // Friday 2026-09-11 18:00: today is over, the weekend is closed, and the 14-day window ends Thursday 09-24.
  const slots = computeSlots({ ...query(), from: sh('2026-09-11 18:00') });

  it('offers working days only, including the 调休 Sunday 09-20, up to the end of the window', () => {
    expect(datesOf(slots)).toEqual(['2026-09-14', '2026-09-15', '2026-09-16', '2026-09-17', '2026-09-18', '2026-09-20', '2026-09-21', '2026-09-22', '2026-09-23', '2026-09-24']);
  });

  it('cuts each office window into 20-minute slots and never crosses the lunch break or closing time', () => {
    expect(timesOn(slots, '2026-09-14')).toEqual([...MORNING_20, ...AFTERNOON_20]);
    const monday = slots.filter((s) => s.date === '2026-09-14');
    expect(monday.some((s) => hhmm(s.start) < '14:00' && hhmm(s.end) > '12:00')).toBe(false);
    expect(monday.every((s) => new Date(s.end).getTime() - new Date(s.start).getTime() === 20 * 60_000)).toBe(true);
  });

  it('drops a remainder shorter than a slot: 60-minute slots end at 16:00–17:00 when the office closes at 17:30', () => {
    const hourly = computeSlots({ ...query({ settings: { enabled: true, seatsPerSlot: 1, slotMinutes: 60 } }), from: sh('2026-09-14 00:00'), days: 1 });
    expect(hourly.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}`)).toEqual(['09:00-10:00', '10:00-11:00', '11:00-12:00', '14:00-15:00', '15:00-16:00', '16:00-17:00']);
  });

  it('reports capacity, seats taken and seats left, keyed by slot', () => {
    const key = slotKey(STATION, 'residence', sh('2026-09-14 09:00'));
    const other = slotKey(STATION, 'residence', sh('2026-09-14 09:20'));
    const counted = computeSlots({ ...query({ booked: { [key]: 3, [other]: 1 } }), from: sh('2026-09-14 00:00'), days: 1 });
    expect(counted[0]).toEqual({ key, date: '2026-09-14', start: sh('2026-09-14 09:00'), end: sh('2026-09-14 09:20'), capacity: 3, booked: 3, left: 0 });
    expect(counted[1]).toMatchObject({ booked: 1, left: 2 });
    expect(counted[2]).toMatchObject({ booked: 0, left: 3 });
  });

  it('uses the station settings of the service, and nothing when the station switched it off', () => {
    const disabled = query({ service: service('household'), settings: { enabled: false, seatsPerSlot: 2, slotMinutes: 30 } });
    expect(computeSlots({ ...disabled, from: sh('2026-09-14 00:00') })).toEqual([]);
    const household = computeSlots({ ...query({ service: service('household') }), from: sh('2026-09-14 00:00'), days: 1 });
    expect(household).toHaveLength(6 + 7);
    expect(household[0].capacity).toBe(2);
  });

  it('uses the hours configured for each weekday', () => {
    const schedule = { hours: { ...query().schedule.hours, 3: [{ start: '09:00', end: '11:00' }] } };
    const wednesday = computeSlots({ ...query({ schedule }), from: sh('2026-09-16 00:00'), days: 1 });
    expect(wednesday.map((s) => hhmm(s.start))).toEqual(['09:00', '09:20', '09:40', '10:00', '10:20', '10:40']);
  });
});

describe('computeSlots and the official holiday calendar (chinese-days data for 2026)', () => {
  it('the data: National Day 10-01..10-07 off; Sunday 09-20 and Saturday 10-10 are make-up working days; Mid-Autumn 09-25..09-27 off', () => {
    for (let d = 1; d <= 7; d++) expect(isOfficialWorkday(`2026-10-0${d}`)).toBe(false);
    for (const d of ['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-11']) expect(isOfficialWorkday(d)).toBe(false);
    for (const d of ['2026-09-20', '2026-10-10', '2026-10-08', '2026-10-09']) expect(isOfficialWorkday(d)).toBe(true);
  });

  it('has no slots during National Day and opens on the make-up Saturday 10-10', () => {
    const slots = computeSlots({ ...query({ now: sh('2026-09-28 08:00') }), from: sh('2026-09-28 08:00') });
    expect(datesOf(slots)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
    expect(timesOn(slots, '2026-10-10')).toEqual([...MORNING_20, ...AFTERNOON_20]);
  });

  it('has no slots on the Mid-Autumn holiday, a Friday', () => {
    const slots = computeSlots({ ...query({ now: sh('2026-09-20 08:00') }), from: sh('2026-09-25 00:00'), days: 3 });
    expect(slots).toEqual([]);
  });

  it('a make-up Sunday uses the Sunday hours of the schedule', () => {
    const schedule = { hours: { ...query().schedule.hours, 7: [{ start: '09:00', end: '10:00' }] } };
    const slots = computeSlots({ ...query({ schedule }), from: sh('2026-09-20 00:00'), days: 1 });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['09:00', '09:20', '09:40']);
  });
});

describe('computeSlots: notice, window and blocked periods', () => {
  it('drops slots starting before now + minimum notice (120 minutes by default)', () => {
    const slots = computeSlots({ ...query({ now: sh('2026-09-14 09:05') }), from: sh('2026-09-14 09:05'), days: 1 });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['11:20', '11:40', ...AFTERNOON_20]);
    const noNotice = computeSlots({ ...query({ now: sh('2026-09-14 09:05'), schedule: { minNoticeMinutes: 0 } }), from: sh('2026-09-14 09:05'), days: 1 });
    expect(hhmm(noNotice[0].start)).toBe('09:20');
  });

  it('notice runs across the night: at 16:30 with 24 hours notice, the next morning opens from 16:40', () => {
    const slots = computeSlots({ ...query({ now: sh('2026-09-14 16:30'), schedule: { minNoticeMinutes: 24 * 60 } }), from: sh('2026-09-14 16:30'), days: 2 });
    expect(datesOf(slots)).toEqual(['2026-09-15']);
    expect(timesOn(slots, '2026-09-15')).toEqual(['16:40', '17:00']);
  });

  it('stops at the end of the booking window counted in calendar days including today', () => {
    const slots = computeSlots({ ...query({ now: sh('2026-09-14 08:00'), schedule: { bookingWindowDays: 3 } }), from: sh('2026-09-14 08:00'), days: 30 });
    expect(datesOf(slots)).toEqual(['2026-09-14', '2026-09-15', '2026-09-16']);
    expect(computeSlots({ ...query({ now: sh('2026-09-14 08:00'), schedule: { bookingWindowDays: 3 } }), from: sh('2026-09-17 00:00') })).toEqual([]);
  });

  it('starts no earlier than today even when asked for a past date, and honours `days`', () => {
    const slots = computeSlots({ ...query({ now: sh('2026-09-14 08:00') }), from: sh('2026-09-01 00:00'), days: 2 });
    expect(datesOf(slots)).toEqual(['2026-09-14', '2026-09-15']);
  });

  it('excludes a blocked day, a blocked range of days and a blocked period within a day', () => {
    const slots = computeSlots({
      ...query({
        now: sh('2026-09-14 08:00'),
        blocked: [
          { startDate: '2026-09-15', reason: '全所集中培训' },
          { startDate: '2026-09-17', endDate: '2026-09-18', reason: '窗口改造' },
          { startDate: '2026-09-16', from: '10:00', to: '11:00', reason: '系统维护' },
        ],
      }),
      from: sh('2026-09-14 08:00'),
      days: 5,
    });
    expect(datesOf(slots)).toEqual(['2026-09-14', '2026-09-16']);
    expect(timesOn(slots, '2026-09-16')).toEqual(['09:00', '09:20', '09:40', '11:00', '11:20', '11:40', ...AFTERNOON_20]);
  });

  it('a block naming another service leaves this one open; one naming this service closes it', () => {
    const base = { now: sh('2026-09-14 08:00') };
    const other = computeSlots({ ...query({ ...base, blocked: [{ startDate: '2026-09-15', serviceId: 'exit-entry', reason: '出入境系统升级' }] }), from: sh('2026-09-15 00:00'), days: 1 });
    expect(other).toHaveLength(19);
    const same = computeSlots({ ...query({ ...base, blocked: [{ startDate: '2026-09-15', serviceId: 'residence', reason: '居住证系统升级' }] }), from: sh('2026-09-15 00:00'), days: 1 });
    expect(same).toEqual([]);
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => computeSlots({ ...query(), from: sh('2026-09-14 00:00'), days: -1 })).toThrow(RangeError);
    expect(() => computeSlots({ ...query(), from: sh('2026-09-14 00:00'), days: 1.5 })).toThrow(RangeError);
  });

  it('property: every slot is on a working day, inside one office window, after the notice and inside the window', () => {
    const start2026 = Date.parse('2026-01-01T00:00:00+08:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 340 * 24 * 60 }),
        fc.constantFrom(10, 15, 20, 30, 45, 60, 90),
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.integer({ min: 1, max: 21 }),
        (offsetMinutes, slotMinutes, minNoticeMinutes, bookingWindowDays) => {
          const now = new Date(start2026 + offsetMinutes * 60_000);
          const q = query({ now, settings: { enabled: true, seatsPerSlot: 2, slotMinutes }, schedule: { minNoticeMinutes, bookingWindowDays } });
          const slots = computeSlots({ ...q, from: now });
          const lastDay = localDateOf(now.getTime() + (bookingWindowDays - 1) * 86_400_000);
          let previous = -Infinity;
          const wrong = slots.filter((s) => {
            const start = Date.parse(s.start);
            const [from, to] = [hhmm(s.start), hhmm(s.end)];
            const ok =
              isOfficialWorkday(s.date) &&
              localDateOf(s.start) === s.date &&
              s.date <= lastDay &&
              start >= now.getTime() + minNoticeMinutes * 60_000 &&
              start > previous &&
              Date.parse(s.end) - start === slotMinutes * 60_000 &&
              ((from >= '09:00' && to <= '12:00') || (from >= '14:00' && to <= '17:30'));
            previous = start;
            return !ok;
          });
          expect(wrong).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('slotKey and findSlot', () => {
  it('gives the same key for the same instant whatever the offset it is written with', () => {
    expect(slotKey(STATION, 'residence', '2026-09-14T09:00:00+08:00')).toBe(slotKey(STATION, 'residence', '2026-09-14T01:00:00.000Z'));
    expect(slotKey(STATION, 'residence', '2026-09-14T09:00:00+08:00')).toBe('st-1#residence#2026-09-14T01:00:00.000Z');
    expect(slotKey(STATION, 'household', sh('2026-09-14 09:00'))).not.toBe(slotKey(STATION, 'residence', sh('2026-09-14 09:00')));
    expect(() => slotKey(STATION, 'residence', 'not a time')).toThrow(RangeError);
  });

  it('finds a bookable slot by its start and refuses starts that are off the grid, in lunch, on holidays or unparsable', () => {
    const q = query({ now: sh('2026-09-28 08:00') });
    expect(findSlot(q, '2026-10-10T09:20:00+08:00')).toMatchObject({ date: '2026-10-10', start: sh('2026-10-10 09:20'), left: 3 });
    expect(findSlot(q, sh('2026-10-10 09:10'))).toBeNull();
    expect(findSlot(q, sh('2026-10-09 12:20'))).toBeNull();
    expect(findSlot(q, sh('2026-10-02 09:00'))).toBeNull();
    expect(findSlot(q, sh('2026-09-28 09:00'))).toBeNull(); // inside the 120 minutes notice
    expect(findSlot(q, 'tomorrow morning')).toBeNull();
  });
});

describe('canChange (cut-off before the start)', () => {
  const schedule = query().schedule; // 60 minutes cut-off
  const b = booking(); // 2026-09-16 10:00

  it('allows a change up to and including the cut-off and refuses it afterwards', () => {
    expect(changeDeadline(b, schedule).toISOString()).toBe(sh('2026-09-16 09:00'));
    expect(canChange(b, sh('2026-09-15 17:00'), schedule)).toBe(true);
    expect(canChange(b, sh('2026-09-16 09:00'), schedule)).toBe(true);
    expect(canChange(b, new Date(Date.parse(sh('2026-09-16 09:00')) + 1000), schedule)).toBe(false);
    expect(canChange(b, sh('2026-09-16 10:30'), schedule)).toBe(false);
  });

  it('follows the station cut-off and only applies to bookings still booked', () => {
    expect(canChange(b, sh('2026-09-16 09:50'), { changeCutoffMinutes: 0 })).toBe(true);
    expect(canChange(b, sh('2026-09-15 11:00'), { changeCutoffMinutes: 24 * 60 })).toBe(false);
    expect(canChange(booking({ status: 'cancelled' }), sh('2026-09-15 09:00'), schedule)).toBe(false);
  });

  it('counts a booking as active until its slot has ended, and only while booked', () => {
    expect(isActiveBooking(b, sh('2026-09-16 10:19'))).toBe(true);
    expect(isActiveBooking(b, sh('2026-09-16 10:20'))).toBe(false);
    expect(isActiveBooking(booking({ status: 'cancelled' }), sh('2026-09-15 09:00'))).toBe(false);
  });
});
