import fc from 'fast-check';
import { DomainError, ValidationFailed, VersionConflict } from '../../../shared/errors';
import { ACTOR_ROLES, APPEAL_ACTIONS, APPEAL_STATUSES, type AppealAction, type ActorRole } from '../../../shared/appeals/catalogue';
import { isBadRating } from '../../../shared/appeals/rating';
import { Appeal, type HistoryEntry } from '../../../shared/appeals/schemas';
import { TRANSITIONS, TransitionNotAllowed, allowedActions, applyAction, type Actor } from '../../../shared/appeals/state-machine';
import { freshAppeal, SUBMITTED_AT } from './fixtures';

const OFFICERS = ['off-1', 'off-2', 'off-3'];
const LONG = '这是一段足够长的说明文字，超过十个字';

const step = fc.record({
  // Guided steps pick among the actions some role may take right now (by the assigned officer), so runs get
  // deep into the loop; unguided steps are fully random and mostly exercise refusals.
  guided: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
  pick: fc.nat(),
  action: fc.constantFrom(...APPEAL_ACTIONS),
  role: fc.constantFrom(...ACTOR_ROLES),
  officer: fc.constantFrom(...OFFICERS),
  versionSkew: fc.constantFrom(0, 0, 0, 0, 0, 1, -1),
  advanceMs: fc.integer({ min: 0, max: 4 * 24 * 3600_000 }),
  // Arbitrary payload fields, mostly plausible, sometimes wrong or missing.
  note: fc.constantFrom(undefined, '', '短', '请补充材料', LONG, LONG, LONG),
  resolution: fc.constantFrom(undefined, '已处理', LONG, LONG, LONG),
  rating: fc.integer({ min: 0, max: 6 }),
  comment: fc.constantFrom(undefined, '差', '处理太慢，没解决问题', '处理太慢，没解决问题'),
  departmentId: fc.constantFrom(undefined, 'police', 'tax', 'court', 'human-resources'),
  targetOfficerId: fc.constantFrom(...OFFICERS, 'bad id!'),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const actorOf = (role: ActorRole, officer: string): Actor =>
  ({ enterprise: { id: 'user-1', role }, officer: { id: officer, role }, chief: { id: 'chief-1', role }, centre: { id: 'centre-1', role }, system: { id: 'system', role } })[role];

function checkInvariants(a: Appeal) {
  expect(APPEAL_STATUSES).toContain(a.status);
  expect(Appeal.safeParse(a).success).toBe(true);
  if (a.status === 'resolved') {
    expect(a.resolution!.length).toBeGreaterThanOrEqual(10);
    expect(a.resolvedAt).toBeDefined();
  }
  expect(a.status === 'awaiting_info').toBe(a.slaPausedAt !== undefined);
  if (a.status === 'transferred') expect(a.transferredTo).toBeDefined();
  if (a.status === 'closed') expect(a.closedAt).toBeDefined();
  if (a.status === 'withdrawn') expect(a.withdrawnAt).toBeDefined();
  expect(a.escalated).toBe(a.escalatedAt !== undefined);
  expect(a.rateCount).toBeLessThanOrEqual(2);
  expect(a.rating !== undefined).toBe(a.rateCount > 0);
  if (a.rateCount === 2) expect(a.rectification).toBe('done');
  if (a.rectification !== 'none') expect(isBadRating(a.firstRating!)).toBe(true);
  expect(a.pausedMs).toBeGreaterThanOrEqual(0);
}

function run(steps: Step[]) {
  let appeal = freshAppeal();
  let now = Date.parse(SUBMITTED_AT);
  const log: HistoryEntry[] = [];
  const frozen: string[] = [];

  for (const s of steps) {
    now += s.advanceMs;
    let { action, role, officer } = s;
    if (s.guided) {
      const options = ACTOR_ROLES.flatMap((r) =>
        allowedActions(appeal, actorOf(r, appeal.officerId ?? ''), now).map((a) => [r, a] as const),
      );
      // Withdrawing ends a run, so it is picked rarely to let runs go deep.
      const rest = options.filter(([, a]) => a !== 'withdraw');
      const pool = rest.length > 0 && s.pick % 8 !== 0 ? rest : options;
      if (pool.length > 0) {
        [role, action] = pool[s.pick % pool.length];
        officer = appeal.officerId ?? officer;
      }
    }
    const actor = actorOf(role, officer);
    const rating = Math.min(5, Math.max(1, s.rating));
    const body = s.guided
      ? {
          action,
          version: appeal.version,
          note: LONG,
          resolution: LONG,
          rating,
          comment: isBadRating(rating) ? '处理太慢，没解决问题' : s.comment,
          departmentId: 'human-resources',
          targetOfficerId: OFFICERS.find((o) => o !== appeal.officerId),
        }
      : {
          action,
          version: appeal.version + s.versionSkew,
          note: s.note,
          resolution: s.resolution,
          rating: s.rating,
          comment: s.comment,
          departmentId: s.departmentId,
          targetOfficerId: s.targetOfficerId,
        };
    const before = JSON.stringify(appeal);
    const offered = allowedActions(appeal, actor, now).includes(action);

    let result: ReturnType<typeof applyAction> | undefined;
    try {
      result = applyAction(appeal, body, actor, now);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      // A button offered can only fail on its payload or a stale version (or a reassign to the same officer).
      if (offered && !(e instanceof ValidationFailed || e instanceof VersionConflict)) {
        expect(action).toBe('reassign');
        expect(e).toBeInstanceOf(TransitionNotAllowed);
      }
    }
    expect(JSON.stringify(appeal)).toBe(before); // never mutated

    if (!result) continue;
    const { next, history } = result;
    const rule = TRANSITIONS[action];
    expect(offered).toBe(true);
    expect(rule.roles).toContain(role);
    expect(rule.from).toContain(appeal.status);
    expect(next.status).toBe(rule.to === 'same' ? appeal.status : rule.to);
    expect(next.version).toBe(appeal.version + 1);
    expect(history).toMatchObject({ from: appeal.status, to: next.status, action, actorRole: role });
    // Terminal statuses: withdrawn admits nothing; closed admits only the rectification round.
    expect(appeal.status).not.toBe('withdrawn');
    if (appeal.status === 'closed') expect(['rate', 'rectify']).toContain(action);
    if (action === 'rate' && appeal.rateCount === 1) expect(appeal.rectification).toBe('done');
    checkInvariants(next);

    log.push(history);
    frozen.push(JSON.stringify(history));
    appeal = next;
  }

  expect(appeal.version).toBe(1 + log.length);
  expect(log.map((h) => JSON.stringify(h))).toEqual(frozen); // entries never altered afterwards
  for (let i = 1; i < log.length; i++) expect(log[i].from).toBe(log[i - 1].to);
}

describe('random sequences of actions by random roles', () => {
  it('never reach an invalid state', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 50 }), (steps) => run(steps)),
      { numRuns: 300 },
    );
  });

  it('reach deep states (sanity check of the generator)', () => {
    // With the "happy path" forced, the same runner must get through rating, rectification and re-rating.
    const s = (action: AppealAction, role: ActorRole, extra: Partial<Step> = {}): Step => ({
      guided: false,
      pick: 0,
      action,
      role,
      officer: 'off-1',
      versionSkew: 0,
      advanceMs: 3600_000,
      note: LONG,
      resolution: LONG,
      rating: 1,
      comment: '处理太慢，没解决问题',
      departmentId: 'tax',
      targetOfficerId: 'off-2',
      ...extra,
    });
    expect(() =>
      run([
        s('accept', 'officer'),
        s('transfer', 'officer'),
        s('record_feedback', 'officer'),
        s('resolve', 'officer'),
        s('rate', 'enterprise'),
        s('rectify', 'chief'),
        s('rate', 'enterprise', { rating: 5, comment: undefined }),
      ]),
    ).not.toThrow();
  });
});
