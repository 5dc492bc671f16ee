/**
 * 一企一警: every enterprise has exactly one liaison officer of its own station.
 * New enterprises go to the officer with the fewest enterprises; ties are broken by officer id so that
 * the same data always gives the same answer. Officers on leave and the chief are chosen only when
 * nobody else can take the enterprise.
 */
export type AssignableOfficer = { id: string; isChief: boolean; onLeave: boolean; enterpriseCount: number; deactivatedAt?: string | null };

/** An officer who has left the force (deactivated) never takes an enterprise again. */
const serving = <T extends AssignableOfficer>(officers: readonly T[]) => officers.filter((o) => !o.deactivatedAt);

const rank = (o: AssignableOfficer) => [o.isChief ? 1 : 0, o.onLeave ? 1 : 0, o.enterpriseCount] as const;

function compare(a: AssignableOfficer, b: AssignableOfficer): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function pickOfficer<T extends AssignableOfficer>(officers: readonly T[]): T | null {
  const candidates = serving(officers);
  return candidates.length === 0 ? null : candidates.sort(compare)[0];
}

/**
 * Spread a departing officer's enterprises over the receivers, each time to whoever has fewest so far.
 * Returns enterpriseId -> officerId. Receivers on leave are used only if everyone is.
 */
export function distribute<T extends AssignableOfficer>(enterpriseIds: readonly string[], receivers: readonly T[]): Map<string, string> {
  const active = serving(receivers);
  const available = active.some((r) => !r.onLeave) ? active.filter((r) => !r.onLeave) : active;
  if (available.length === 0 && enterpriseIds.length > 0) throw new RangeError('no receivers');
  const load = available.map((r) => ({ ...r, onLeave: false }));
  const plan = new Map<string, string>();
  for (const id of enterpriseIds) {
    const target = pickOfficer(load)!;
    plan.set(id, target.id);
    target.enterpriseCount += 1;
  }
  return plan;
}
