/** The benchmark's appeal population: valid appeals, deterministic, newest first. */
import { generateDistrict } from '../../scripts/seed/generate';
import { Appeal, HistoryEntry } from '../../shared/appeals/schemas';
import { isOpen } from '../../shared/appeals/catalogue';
import { AppealPopulation, addOfficeTime } from '../../bench/appeals/population';

const NOW = new Date('2026-10-28T07:00:00.000Z');
const district = generateDistrict({ now: NOW });

describe('AppealPopulation', () => {
  const population = new AppealPopulation(district, { total: 400, now: NOW });
  const appeals = population.plan.map((p) => population.materialise(p));

  it('plans newest first, every appeal after its enterprise registered and before now', () => {
    const times = population.plan.map((p) => p.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const p of population.plan) {
      expect(p.createdAt).toBeLessThan(NOW.getTime());
      expect(p.createdAt).toBeGreaterThan(Date.parse(district.enterprises[p.enterpriseIndex].createdAt));
    }
  });

  it('builds valid appeals whose history versions run 1..version and never lie after now', () => {
    for (const { record, history } of appeals) {
      expect(Appeal.safeParse(record).success).toBe(true);
      expect(history.map((h) => h.version)).toEqual(Array.from({ length: record.version }, (_, i) => i + 1));
      for (const h of history) {
        expect(HistoryEntry.safeParse(h.entry).success).toBe(true);
        expect(h.entry.actorName).toBeTruthy();
        expect(Date.parse(h.entry.at)).toBeLessThan(NOW.getTime());
      }
    }
  });

  it('has a realistic mix: mostly closed, some open, some escalated', () => {
    const closed = appeals.filter((a) => a.record.status === 'closed').length;
    const open = appeals.filter((a) => isOpen(a.record.status));
    expect(closed / appeals.length).toBeGreaterThan(0.5);
    expect(open.length).toBeGreaterThan(0);
    expect(open.some((a) => a.record.escalated)).toBe(true);
  });

  it('gives the same appeals every time', () => {
    const again = new AppealPopulation(district, { total: 400, now: NOW });
    expect(again.plan).toEqual(population.plan);
    expect(again.materialise(again.plan[7])).toEqual(appeals[7]);
  });
});

describe('addOfficeTime', () => {
  const at = (local: string) => Date.parse(`${local}+08:00`);
  it('skips lunch, evenings and weekends (Shanghai office hours)', () => {
    expect(addOfficeTime(at('2026-10-28T11:30:00'), 60 * 60_000)).toBe(at('2026-10-28T14:00:00'));
    expect(addOfficeTime(at('2026-10-30T17:00:00'), 60 * 60_000)).toBe(at('2026-11-02T09:30:00'));
    expect(addOfficeTime(at('2026-10-31T20:00:00'), 0)).toBe(at('2026-11-02T09:00:00'));
  });
});
