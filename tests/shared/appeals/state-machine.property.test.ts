import assert from 'node:assert/strict';
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

// Plain node assertions in the hot loop: jest's matchers cost ~80µs each, and a run makes tens of thousands.
function checkInvariants(a: Appeal) {
  assert.ok(APPEAL_STATUSES.includes(a.status), `unknown status ${a.status}`);
  assert.ok(Appeal.safeParse(a).success, 'record no longer matches the Appeal schema');
  if (a.status === 'resolved') assert.ok((a.resolution?.length ?? 0) >= 10 && a.resolvedAt, 'resolved without a resolution');
  assert.equal(a.status === 'awaiting_info', a.slaPausedAt !== undefined, 'SLA paused exactly while awaiting info');
  if (a.status === 'transferred') assert.ok(a.transferredTo, 'transferred without a department');
  if (a.status === 'closed') assert.ok(a.closedAt);
  if (a.status === 'withdrawn') assert.ok(a.withdrawnAt);
  assert.equal(a.escalated, a.escalatedAt !== undefined);
  assert.ok(a.rateCount <= 2, 'rated more than twice');
  assert.equal(a.rating !== undefined, a.rateCount > 0);
  if (a.rateCount === 2) assert.equal(a.rectification, 'done', 'second rating without rectification');
  if (a.rectification !== 'none') assert.ok(isBadRating(a.firstRating!), 'rectification without a bad rating');
  assert.ok(a.pausedMs >= 0);
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
      const options = ACTOR_ROLES.flatMap((r) => allowedActions(appeal, actorOf(r, appeal.officerId ?? ''), now).map((a) => [r, a] as const));
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
      assert.ok(e instanceof DomainError, `unexpected ${String(e)}`);
      // A button offered can only fail on its payload or a stale version (or a reassign to the same officer).
      if (offered && !(e instanceof ValidationFailed || e instanceof VersionConflict)) {
        assert.ok(action === 'reassign' && e instanceof TransitionNotAllowed, `offered ${action} refused: ${e.message}`);
      }
    }
    assert.equal(JSON.stringify(appeal), before, 'input appeal mutated');

    if (!result) continue;
    const { next, history } = result;
    const rule = TRANSITIONS[action];
    assert.ok(offered, `${role} ${action} succeeded but was not offered`);
    assert.ok(rule.roles.includes(role) && rule.from.includes(appeal.status), `${role} ${action} from ${appeal.status} is not in the table`);
    assert.equal(next.status, rule.to === 'same' ? appeal.status : rule.to);
    assert.equal(next.version, appeal.version + 1);
    assert.deepEqual([history.from, history.to, history.action, history.actorRole], [appeal.status, next.status, action, role]);
    // Terminal statuses: withdrawn admits nothing; closed admits only the rectification round.
    assert.notEqual(appeal.status, 'withdrawn');
    if (appeal.status === 'closed') assert.ok(action === 'rate' || action === 'rectify');
    if (action === 'rate' && appeal.rateCount === 1) assert.equal(appeal.rectification, 'done');
    checkInvariants(next);

    log.push(history);
    frozen.push(JSON.stringify(history));
    appeal = next;
  }

  assert.equal(appeal.version, 1 + log.length);
  assert.deepEqual(
    log.map((h) => JSON.stringify(h)),
    frozen,
    'history entries altered after the fact',
  );
  for (let i = 1; i < log.length; i++) assert.equal(log[i].from, log[i - 1].to, 'history is not a chain');
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
