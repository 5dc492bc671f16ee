import { isWorkday as packageIsWorkday } from 'chinese-days';
import {
  DEFAULT_SLA_POLICY,
  hasOfficialCalendar,
  OFFICIAL_CALENDAR_LAST_YEAR,
  SlaPolicySchema,
  addWorkingDays,
  addWorkingHours,
  computeDeadlines,
  endOfWorkingDay,
  isOfficialWorkday,
  isOverdue,
  overdueStage,
  resumeDeadline,
  slaPolicyWith,
  workCalendar,
  workingMsBetween,
} from '../../../shared/appeals/sla';
import { workingCalendar } from '../../../shared/calendar/days';

/** Shanghai wall time → UTC ISO, to keep the cases readable. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
const iso = (d: Date) => d.toISOString();

describe('the official calendar (chinese-days data)', () => {
  it('National Day 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 are make-up working days', () => {
    for (const d of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']) {
      expect(isOfficialWorkday(d)).toBe(false);
    }
    expect(isOfficialWorkday('2025-09-28')).toBe(true);
    expect(isOfficialWorkday('2025-10-11')).toBe(true);
    expect(isOfficialWorkday('2025-10-09')).toBe(true);
  });

  it('Spring Festival 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 are make-up working days', () => {
    for (let day = 15; day <= 23; day++) expect(isOfficialWorkday(`2026-02-${day}`)).toBe(false);
    expect(isOfficialWorkday('2026-02-14')).toBe(true);
    expect(isOfficialWorkday('2026-02-28')).toBe(true);
    expect(isOfficialWorkday('2026-02-24')).toBe(true);
  });

  it('covers 2024–2026 from the bundled notices; 2027 has no notice yet but its statutory holidays are days off', () => {
    expect(OFFICIAL_CALENDAR_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    for (const year of [2024, 2025, 2026]) {
      expect(hasOfficialCalendar(year)).toBe(true);
      expect(isOfficialWorkday(`${year}-01-01`)).toBe(false);
    }
    expect(hasOfficialCalendar(2027)).toBe(false);
    // 2027-01-01 is a Friday and New Year's Day: a holiday by law, notice or not.
    expect(isOfficialWorkday('2027-01-01')).toBe(false);
    // Spring Festival 2027: 除夕 Friday 02-05 and 初一..初三 (02-06..02-08) are statutory days off.
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) expect(isOfficialWorkday(d)).toBe(false);
    expect(isOfficialWorkday('2027-02-04')).toBe(true);
    expect(isOfficialWorkday('2027-02-09')).toBe(true);
  });

  it("agrees with the package's own isWorkday where that one is reliable", () => {
    // The package's function is only reliable at or east of UTC; compare where it is.
    if (new Date().getTimezoneOffset() > 0) return;
    for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const ymd = d.toISOString().slice(0, 10);
      expect([ymd, isOfficialWorkday(ymd)]).toEqual([ymd, packageIsWorkday(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))]);
    }
  });
});

describe('2027 with no notice entered (statutory holidays only)', () => {
  it('filed 2026-12-31 22:00: acceptance skips New Year (Friday 01-01) and the weekend → Monday 01-04', () => {
    expect(computeDeadlines('dispute', 'normal', sh('2026-12-31 22:00')).acceptDueAt).toBe(sh('2027-01-04 17:30'));
  });
  it('a dispute filed Friday 2027-02-05 (除夕) counts from Tuesday 02-09: due 02-16, not 02-12', () => {
    expect(computeDeadlines('dispute', 'normal', sh('2027-02-05 10:00')).resolveDueAt).toBe(sh('2027-02-16 17:30'));
  });
});

describe('the minimum acceptance window (minAcceptMinutes, default 60)', () => {
  it('filed Friday 17:29:59 → accept by Monday 17:30, not 17:30 the same day', () => {
    expect(computeDeadlines('policy', 'normal', '2025-06-13T09:29:59Z').acceptDueAt).toBe(sh('2025-06-16 17:30'));
  });
  it('filed with exactly the window left keeps the same day', () => {
    expect(computeDeadlines('policy', 'normal', sh('2025-06-13 16:30')).acceptDueAt).toBe(sh('2025-06-13 17:30'));
    expect(computeDeadlines('policy', 'normal', sh('2025-06-13 16:31')).acceptDueAt).toBe(sh('2025-06-16 17:30'));
  });
  it('counts office time only: 11:50 leaves 10 + 240 minutes, so the same day', () => {
    expect(computeDeadlines('policy', 'normal', sh('2025-06-13 11:50')).acceptDueAt).toBe(sh('2025-06-13 17:30'));
  });
  it('a station may set it (0 turns it off), and acceptance never passes resolution', () => {
    const off = slaPolicyWith({ minAcceptMinutes: 0 });
    expect(computeDeadlines('policy', 'normal', sh('2025-06-13 17:29'), off).acceptDueAt).toBe(sh('2025-06-13 17:30'));
    const twoHours = slaPolicyWith({ minAcceptMinutes: 120 });
    expect(computeDeadlines('policy', 'normal', sh('2025-06-13 15:45'), twoHours).acceptDueAt).toBe(sh('2025-06-16 17:30'));
    // Urgent dispute: 24 clock hours to resolve, so acceptance stays within them.
    expect(computeDeadlines('dispute', 'urgent', sh('2025-06-13 17:29')).acceptDueAt).toBe(sh('2025-06-14 17:29'));
  });
  it('is validated with the policy and defaults to 60 when a stored policy lacks it', () => {
    const { minAcceptMinutes: _m, ...old } = DEFAULT_SLA_POLICY;
    expect(SlaPolicySchema.parse(old).minAcceptMinutes).toBe(60);
    expect(SlaPolicySchema.safeParse({ ...DEFAULT_SLA_POLICY, minAcceptMinutes: 500 }).success).toBe(false);
  });
});

describe('a policy carries the calendar it is evaluated on', () => {
  it('a notice that makes 2027-01-04 a day off moves the deadline', () => {
    const calendar = workingCalendar([{ year: 2027, holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-04' }], workdays: [] }]);
    const policy = { ...DEFAULT_SLA_POLICY, calendar };
    expect(computeDeadlines('dispute', 'normal', sh('2026-12-31 22:00'), policy).acceptDueAt).toBe(sh('2027-01-05 17:30'));
  });
});

describe('endOfWorkingDay (default acceptance deadline)', () => {
  it.each([
    ['during office hours', '2025-06-09 10:00', '2025-06-09 17:30'],
    ['before office hours', '2025-06-09 07:00', '2025-06-09 17:30'],
    ['in the lunch break', '2025-06-09 12:30', '2025-06-09 17:30'],
    ['after hours → next working day', '2025-06-09 18:00', '2025-06-10 17:30'],
    ['exactly at closing → next working day', '2025-06-09 17:30', '2025-06-10 17:30'],
    ['on a Saturday → Monday', '2025-06-14 10:00', '2025-06-16 17:30'],
    ['on a make-up working Saturday → same day', '2025-10-11 10:00', '2025-10-11 17:30'],
    ['on a make-up working Sunday → same day', '2025-09-28 10:00', '2025-09-28 17:30'],
    ['on the eve of National Day after hours → after the holiday', '2025-09-30 18:00', '2025-10-09 17:30'],
    ['Friday before Spring Festival after hours → make-up Saturday', '2026-02-13 18:00', '2026-02-14 17:30'],
  ])('%s', (_, at, due) => {
    expect(iso(endOfWorkingDay(sh(at)))).toBe(sh(due));
  });
});

describe('addWorkingDays', () => {
  it('2 working days across National Day 2025 land on 10-10', () => {
    expect(iso(addWorkingDays(sh('2025-09-30 16:00'), 2))).toBe(sh('2025-10-10 17:30'));
  });
  it('counts the make-up Saturday 10-11 as a working day', () => {
    expect(iso(addWorkingDays(sh('2025-09-30 16:00'), 3))).toBe(sh('2025-10-11 17:30'));
    expect(iso(addWorkingDays(sh('2025-10-11 10:00'), 2))).toBe(sh('2025-10-14 17:30'));
  });
  it('across Spring Festival 2026: make-up Saturday 02-14 counts, 02-15..02-23 do not', () => {
    expect(iso(addWorkingDays(sh('2026-02-13 10:00'), 2))).toBe(sh('2026-02-24 17:30'));
    expect(iso(addWorkingDays(sh('2026-02-13 18:00'), 2))).toBe(sh('2026-02-25 17:30'));
    expect(iso(addWorkingDays(sh('2026-02-24 10:00'), 4))).toBe(sh('2026-02-28 17:30'));
  });
  it('submission after hours counts from the next working morning', () => {
    expect(iso(addWorkingDays(sh('2025-06-09 17:29'), 1))).toBe(sh('2025-06-10 17:30'));
    expect(iso(addWorkingDays(sh('2025-06-09 17:31'), 1))).toBe(sh('2025-06-11 17:30'));
  });
  it('submission on a weekend counts from Monday', () => {
    expect(iso(addWorkingDays(sh('2025-06-14 10:00'), 5))).toBe(sh('2025-06-23 17:30'));
  });
  it('0 days equals endOfWorkingDay', () => {
    expect(iso(addWorkingDays(sh('2025-06-14 10:00'), 0))).toBe(iso(endOfWorkingDay(sh('2025-06-14 10:00'))));
  });
  it('rejects a fractional day count', () => {
    expect(() => addWorkingDays(sh('2025-06-09 10:00'), 1.5)).toThrow(RangeError);
  });
});

describe('addWorkingHours', () => {
  it('skips the lunch break', () => {
    expect(iso(addWorkingHours(sh('2025-06-09 11:00'), 2))).toBe(sh('2025-06-09 14:30'));
  });
  it('skips the National Day holiday', () => {
    expect(iso(addWorkingHours(sh('2025-09-30 16:00'), 3))).toBe(sh('2025-10-09 10:30'));
  });
  it('starts from the next office window when given outside hours', () => {
    expect(iso(addWorkingHours(sh('2025-06-14 20:00'), 1))).toBe(sh('2025-06-16 10:00'));
  });
  it('stays at the end of a window when the time runs out exactly there', () => {
    expect(iso(addWorkingHours(sh('2025-06-09 09:00'), 3))).toBe(sh('2025-06-09 12:00'));
  });
  it('honours configured office hours', () => {
    const cal = workCalendar([
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ]);
    expect(iso(addWorkingHours(sh('2025-06-09 11:00'), 2, cal))).toBe(sh('2025-06-09 15:00'));
    expect(iso(endOfWorkingDay(sh('2025-06-09 17:45'), cal))).toBe(sh('2025-06-09 18:00'));
  });
  it('is the inverse of workingMsBetween', () => {
    const from = sh('2025-09-30 16:00');
    const to = addWorkingHours(from, 20);
    expect(workingMsBetween(from, to)).toBe(20 * 3600_000);
    expect(workingMsBetween(to, from)).toBe(-20 * 3600_000);
  });
});

describe('computeDeadlines with the default policy', () => {
  it('policy question: accept today, resolve in 2 working days (National Day)', () => {
    expect(computeDeadlines('policy', 'normal', sh('2025-09-30 16:00'))).toEqual({
      acceptDueAt: sh('2025-09-30 17:30'),
      resolveDueAt: sh('2025-10-10 17:30'),
    });
  });
  it('normal dispute: 5 working days', () => {
    expect(computeDeadlines('dispute', 'normal', sh('2025-06-09 10:00')).resolveDueAt).toBe(sh('2025-06-16 17:30'));
  });
  it('suggestion and help: 5 working days', () => {
    expect(computeDeadlines('suggestion', 'normal', sh('2025-06-14 10:00')).resolveDueAt).toBe(sh('2025-06-23 17:30'));
    expect(computeDeadlines('help', 'normal', sh('2025-06-14 10:00')).resolveDueAt).toBe(sh('2025-06-23 17:30'));
  });
  it('urgent dispute: 24 clock hours, even into a holiday', () => {
    expect(computeDeadlines('dispute', 'urgent', sh('2025-09-30 16:00'))).toEqual({
      acceptDueAt: sh('2025-09-30 17:30'),
      resolveDueAt: sh('2025-10-01 16:00'),
    });
  });
  it('urgent dispute after hours: acceptance is not allowed to fall after the 24 hours', () => {
    expect(computeDeadlines('dispute', 'urgent', sh('2025-09-30 20:00'))).toEqual({
      acceptDueAt: sh('2025-10-01 20:00'),
      resolveDueAt: sh('2025-10-01 20:00'),
    });
  });
  it('returns UTC ISO strings', () => {
    const d = computeDeadlines('policy', 'normal', '2025-06-09T02:00:00Z');
    expect(d.acceptDueAt).toMatch(/Z$/);
  });
});

describe('per-station policy', () => {
  it('overrides one cell and keeps the rest', () => {
    const p = slaPolicyWith({ resolve: { policy: { normal: { unit: 'working_days', amount: 1 } } } });
    expect(p.resolve.policy.normal).toEqual({ unit: 'working_days', amount: 1 });
    expect(p.resolve.policy.urgent).toEqual(DEFAULT_SLA_POLICY.resolve.policy.urgent);
    expect(p.resolve.dispute).toEqual(DEFAULT_SLA_POLICY.resolve.dispute);
    expect(computeDeadlines('policy', 'normal', sh('2025-09-30 16:00'), p).resolveDueAt).toBe(sh('2025-10-09 17:30'));
  });
  it('validates stored policies', () => {
    expect(SlaPolicySchema.safeParse(DEFAULT_SLA_POLICY).success).toBe(true);
    const overlapping = {
      ...DEFAULT_SLA_POLICY,
      officeHours: [
        { start: '09:00', end: '14:00' },
        { start: '13:30', end: '17:30' },
      ],
    };
    expect(SlaPolicySchema.safeParse(overlapping).error?.issues[0].message).toBe('办公时间段应按时间先后排列且互不重叠');
    const fractional = slaPolicyWith({ accept: { unit: 'working_days', amount: 0.5 } });
    expect(SlaPolicySchema.safeParse(fractional).error?.issues[0].message).toBe('工作日时限应为整数天');
  });
});

describe('pausing while awaiting information', () => {
  const base = { type: 'dispute' as const, urgency: 'normal' as const, resolveDueAt: sh('2025-06-16 17:30') };

  it('grants the office time that was left when paused, counted from the resume', () => {
    // Paused Tue 10:00 with 34 office hours left; resumed Thu 10:00, so the due date moves 2 working days.
    const r = resumeDeadline({ ...base, slaPausedAt: sh('2025-06-10 10:00') }, sh('2025-06-12 10:00'));
    expect(r.resolveDueAt).toBe(sh('2025-06-18 17:30'));
    expect(r.pausedMs).toBe(2 * 24 * 3600_000);
  });
  it('an overnight pause outside office hours changes nothing', () => {
    const r = resumeDeadline({ ...base, slaPausedAt: sh('2025-06-10 18:00') }, sh('2025-06-11 08:00'));
    expect(r.resolveDueAt).toBe(base.resolveDueAt);
  });
  it('a pause over National Day only costs the working days in it', () => {
    const r = resumeDeadline({ type: 'policy', urgency: 'normal', resolveDueAt: sh('2025-10-10 17:30'), slaPausedAt: sh('2025-09-30 17:00') }, sh('2025-10-09 09:00'));
    // 0.5h left on 09-30 + 10-09 + 10-10 = 14.5h from 10-09 09:00 → 10-11 (make-up Saturday) 09:30.
    expect(r.resolveDueAt).toBe(sh('2025-10-11 09:30'));
  });
  it('clock-hour rules resume in clock time', () => {
    const r = resumeDeadline({ type: 'dispute', urgency: 'urgent', resolveDueAt: sh('2025-06-10 10:00'), slaPausedAt: sh('2025-06-09 22:00') }, sh('2025-06-10 08:00'));
    expect(r.resolveDueAt).toBe(sh('2025-06-10 20:00'));
  });
  it('an appeal already overdue when paused stays overdue', () => {
    const r = resumeDeadline({ ...base, slaPausedAt: sh('2025-06-17 10:00') }, sh('2025-06-18 10:00'));
    expect(r.resolveDueAt).toBe(base.resolveDueAt);
  });
});

describe('isOverdue', () => {
  const appeal = { acceptDueAt: sh('2025-06-09 17:30'), resolveDueAt: sh('2025-06-16 17:30') };
  it('checks acceptance while submitted and resolution once accepted', () => {
    expect(overdueStage({ ...appeal, status: 'submitted' }, sh('2025-06-09 17:31'))).toBe('accept');
    expect(isOverdue({ ...appeal, status: 'submitted' }, sh('2025-06-09 17:30'))).toBe(false);
    expect(overdueStage({ ...appeal, status: 'in_progress' }, sh('2025-06-16 17:31'))).toBe('resolve');
    expect(isOverdue({ ...appeal, status: 'transferred' }, sh('2025-06-16 17:31'))).toBe(true);
  });
  it('the clock is stopped while awaiting information', () => {
    expect(isOverdue({ ...appeal, status: 'awaiting_info', slaPausedAt: sh('2025-06-12 10:00') }, sh('2025-07-01 10:00'))).toBe(false);
    expect(isOverdue({ ...appeal, status: 'awaiting_info', slaPausedAt: sh('2025-06-17 10:00') }, sh('2025-07-01 10:00'))).toBe(true);
  });
  it('resolved, closed and withdrawn appeals are never overdue', () => {
    for (const status of ['resolved', 'closed', 'withdrawn'] as const) expect(isOverdue({ ...appeal, status }, sh('2026-01-01 10:00'))).toBe(false);
  });
});
