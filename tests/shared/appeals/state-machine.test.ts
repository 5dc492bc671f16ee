import { Forbidden, ValidationFailed, VersionConflict } from '../../../shared/errors';
import { ACTOR_ROLES, APPEAL_ACTIONS, APPEAL_STATUSES, OPEN_STATUSES } from '../../../shared/appeals/catalogue';
import { Appeal } from '../../../shared/appeals/schemas';
import { ActionForbidden, TRANSITIONS, TransitionNotAllowed, allowedActions, applyAction, canPostMessage, createAppeal, isOpen } from '../../../shared/appeals/state-machine';
import { slaPolicyWith } from '../../../shared/appeals/sla';
import { CHIEF, OFFICER, OTHER_OFFICER, actorFor, appealIn, bodyFor, freshAppeal, nowFor } from './fixtures';

describe('transition table, exhaustively: every action × role × status', () => {
  const cases = APPEAL_ACTIONS.flatMap((action) => ACTOR_ROLES.flatMap((role) => APPEAL_STATUSES.map((status) => ({ action, role, status }))));

  it('covers every combination', () => {
    expect(cases).toHaveLength(APPEAL_ACTIONS.length * ACTOR_ROLES.length * APPEAL_STATUSES.length);
  });

  it.each(cases)('$role $action from $status', ({ action, role, status }) => {
    const rule = TRANSITIONS[action];
    const appeal = appealIn(status, action);
    const actor = actorFor(role);
    const now = nowFor(action);
    const allowed = rule.roles.includes(role) && rule.from.includes(status);
    const before = structuredClone(appeal);

    expect(allowedActions(appeal, actor, now).includes(action)).toBe(allowed);
    if (allowed) {
      const { next, history } = applyAction(appeal, bodyFor(action, appeal.version), actor, now);
      expect(next.status).toBe(rule.to === 'same' ? status : rule.to);
      expect(next.version).toBe(appeal.version + 1);
      expect(history).toMatchObject({ action, actorRole: role, from: status, to: next.status });
      expect(() => Appeal.parse(next)).not.toThrow();
    } else {
      const expected = rule.roles.includes(role) ? TransitionNotAllowed : ActionForbidden;
      expect(() => applyAction(appeal, bodyFor(action, appeal.version), actor, now)).toThrow(expected);
    }
    expect(appeal).toEqual(before);
  });
});

describe('refusals say why, in Chinese', () => {
  const officer = actorFor('officer');
  const now = nowFor('resolve');
  const attempt = (status: Parameters<typeof appealIn>[0], action: Parameters<typeof bodyFor>[0], actor = officer) => {
    const a = appealIn(status, action);
    try {
      applyAction(a, bodyFor(action, a.version), actor, now);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('names the status that blocks the action', () => {
    expect(attempt('resolved', 'transfer')).toBe('该诉求已办结，不能再转办');
    expect(attempt('withdrawn', 'resolve')).toBe('该诉求已撤回，不能再办结');
    expect(attempt('submitted', 'resolve')).toBe('该诉求尚未受理，请先受理再办结');
    expect(attempt('awaiting_info', 'transfer')).toBe('该诉求正在等待企业补充材料，暂不能转办');
  });

  it('refuses to resolve while transferred without feedback, naming the department', () => {
    expect(attempt('transferred', 'resolve')).toBe('该诉求已转办至人社，请先登记部门反馈再办结');
  });

  it('names who may act when the role is wrong', () => {
    expect(attempt('submitted', 'accept', actorFor('enterprise'))).toBe('只有负责的联络官或派出所所长可以受理');
  });

  it('refuses an officer who is not assigned to the appeal', () => {
    const a = appealIn('submitted');
    expect(() => applyAction(a, bodyFor('accept', 1), { id: OTHER_OFFICER, role: 'officer' }, now)).toThrow(Forbidden);
    expect(allowedActions(a, { id: OTHER_OFFICER, role: 'officer' }, now)).toEqual([]);
  });
});

describe('payload and version', () => {
  const officer = actorFor('officer');
  const now = nowFor('resolve');

  it('rejects a stale version', () => {
    const a = appealIn('submitted');
    expect(() => applyAction(a, bodyFor('accept', a.version + 1), officer, now)).toThrow(VersionConflict);
  });

  it('requires a resolution of at least 10 characters', () => {
    const a = appealIn('in_progress');
    expect(() => applyAction(a, { action: 'resolve', version: 1, resolution: '已处理' }, officer, now)).toThrow(ValidationFailed);
  });

  it('requires a department and a note to transfer', () => {
    const a = appealIn('in_progress');
    expect(() => applyAction(a, { action: 'transfer', version: 1, note: '转人社处理欠薪' }, officer, now)).toThrow('请从列表中选择转办部门');
    expect(() => applyAction(a, { action: 'transfer', version: 1, departmentId: 'tax' }, officer, now)).toThrow('请填写转办说明');
  });

  it('refuses to reassign to the officer already in charge', () => {
    const a = appealIn('in_progress');
    expect(() => applyAction(a, { action: 'reassign', version: 1, targetOfficerId: OFFICER }, actorFor('chief'), now)).toThrow('该诉求已由这位联络官负责，请选择其他联络官');
  });
});

describe('the closed loop, step by step', () => {
  const enterprise = actorFor('enterprise');
  const officer = actorFor('officer');
  const chief = actorFor('chief');
  const system = actorFor('system');

  function run(steps: Array<[typeof officer, Record<string, unknown>, string]>, start = freshAppeal()) {
    let a = start;
    const history = [];
    for (const [actor, body, at] of steps) {
      const r = applyAction(a, { ...body, version: a.version }, actor, at);
      a = r.next;
      history.push(r.history);
    }
    return { a, history };
  }

  it('accept → start → request info (pauses) → provide info (resumes) → transfer → feedback → resolve → rate', () => {
    const { a, history } = run([
      [officer, { action: 'accept' }, '2025-06-09T03:00:00Z'],
      [officer, { action: 'start' }, '2025-06-09T03:10:00Z'],
      [officer, { action: 'request_info', note: '请补充员工名单和工资表' }, '2025-06-09T06:00:00Z'], // Mon 14:00
      [enterprise, { action: 'provide_info', note: '名单和工资表已上传' }, '2025-06-11T06:00:00Z'], // Wed 14:00
      [officer, { action: 'transfer', departmentId: 'human-resources', note: '涉及欠薪，转人社劳动监察' }, '2025-06-11T07:00:00Z'],
      [officer, { action: 'record_feedback', note: '人社已责令企业限期支付工资' }, '2025-06-12T07:00:00Z'],
      [officer, { action: 'resolve', resolution: '企业已按人社要求结清工资，现场秩序恢复。' }, '2025-06-13T07:00:00Z'],
      [enterprise, { action: 'rate', rating: 5 }, '2025-06-13T08:00:00Z'],
    ]);
    expect(a.status).toBe('closed');
    expect(a.version).toBe(9);
    expect(history.map((h) => h.to)).toEqual(['accepted', 'in_progress', 'awaiting_info', 'in_progress', 'transferred', 'in_progress', 'resolved', 'closed']);
    // Paused Mon 14:00 → Wed 14:00 = 2 working days of office time; due moves from Mon 06-16 17:30 to Wed 06-18 17:30.
    expect(a.resolveDueAt).toBe('2025-06-18T09:30:00.000Z');
    expect(a.pausedMs).toBe(2 * 24 * 3600_000);
    expect(a.slaPausedAt).toBeUndefined();
    expect(a).toMatchObject({ rating: 5, rateCount: 1, rectification: 'none', closeReason: 'rated', transferFeedback: '人社已责令企业限期支付工资' });
  });

  it('bad rating → chief rectifies → one more rating, never a third', () => {
    const { a } = run(
      [
        [enterprise, { action: 'rate', rating: 1, comment: '根本没解决问题' }, '2025-06-11T02:00:00Z'],
        [chief, { action: 'rectify', note: '所领导带队回访，督促企业补发工资' }, '2025-06-12T02:00:00Z'],
        [enterprise, { action: 'rate', rating: 4 }, '2025-06-13T02:00:00Z'],
      ],
      appealIn('resolved'),
    );
    expect(a).toMatchObject({ status: 'closed', rating: 4, firstRating: 1, rateCount: 2, rectification: 'done' });
    expect(a.ratingComment).toBeUndefined();
    expect(allowedActions(a, enterprise, '2025-06-14T02:00:00Z')).toEqual([]);
    expect(() => applyAction(a, { action: 'rate', version: a.version, rating: 5 }, enterprise, '2025-06-14T02:00:00Z')).toThrow('您已评价过两次，不能再评价');
    expect(() => applyAction(a, { action: 'rectify', version: a.version, note: '再次整改再次整改再次整改' }, chief, '2025-06-14T02:00:00Z')).toThrow(TransitionNotAllowed);
  });

  it('a bad rating needs a reason; rectification is announced in effects', () => {
    const a = appealIn('resolved');
    expect(() => applyAction(a, { action: 'rate', version: a.version, rating: 2 }, enterprise, '2025-06-11T02:00:00Z')).toThrow('不满意评价请说明原因，至少5个字');
    const r = applyAction(a, { action: 'rate', version: a.version, rating: 2, comment: '处理太慢了' }, enterprise, '2025-06-11T02:00:00Z');
    expect(r.next.rectification).toBe('required');
    expect(r.effects).toEqual(expect.arrayContaining(['notify_chief', 'rectification_required']));
    expect(allowedActions(r.next, enterprise, '2025-06-11T03:00:00Z')).toEqual([]);
    expect(allowedActions(r.next, chief, '2025-06-11T03:00:00Z')).toEqual(['rectify']);
  });

  it('reopen only within 7 days of resolution, with a fresh deadline', () => {
    const a = appealIn('resolved'); // resolved 2025-06-10 14:00 Shanghai
    const r = applyAction(a, bodyFor('reopen', a.version), enterprise, '2025-06-17T05:59:00Z');
    expect(r.next).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    expect(r.next.resolution).toBeUndefined();
    expect(r.next.resolveDueAt).toBe('2025-06-24T09:30:00.000Z'); // 5 working days after Tue 06-17
    expect(() => applyAction(a, bodyFor('reopen', a.version), enterprise, '2025-06-17T06:01:00Z')).toThrow('办结已超过7天，不能申请重新办理，如有新问题请重新提交诉求');
  });

  it('auto-close after N days (configurable), and not before', () => {
    const a = appealIn('resolved');
    expect(allowedActions(a, system, '2025-06-17T05:59:00Z')).toEqual([]);
    expect(allowedActions(a, system, '2025-06-17T06:00:00Z')).toEqual(['auto_close']);
    expect(a.autoCloseAt).toBe('2025-06-17T06:00:00.000Z');
    // The time was fixed at resolution: a station's later change of policy does not move it.
    const threeDays = slaPolicyWith({ autoCloseAfterDays: 3 });
    expect(allowedActions(a, system, '2025-06-13T06:00:00Z', threeDays)).toEqual([]);
    const r = applyAction(a, bodyFor('auto_close', a.version), system, '2025-06-17T06:00:00Z', threeDays);
    expect(r.next).toMatchObject({ status: 'closed', closeReason: 'auto', rateCount: 0 });
    expect(() => applyAction(r.next, { action: 'rate', version: r.next.version, rating: 5 }, enterprise, '2025-06-17T07:00:00Z')).toThrow('该诉求办结后超过期限未评价，已自动关闭，不能再评价');
  });

  it('escalation: the officer raises it once; the chief clears it by handling', () => {
    const a = appealIn('in_progress');
    const up = applyAction(a, { action: 'escalate', version: a.version, note: '企业情绪激动，需所领导出面' }, officer, '2025-06-10T02:00:00Z');
    expect(up.next.escalated).toBe(true);
    expect(up.effects).toEqual(['notify_chief']);
    expect(() => applyAction(up.next, { action: 'escalate', version: up.next.version }, officer, '2025-06-10T02:00:00Z')).toThrow('该诉求已上报所领导，无需重复上报');
    const handled = applyAction(up.next, bodyFor('resolve', up.next.version), chief, '2025-06-10T03:00:00Z');
    expect(handled.next.escalated).toBe(false);
  });

  it('escalation by the scheduler only when overdue; reassigning clears it', () => {
    const a = appealIn('in_progress'); // due 2025-06-16 17:30 Shanghai
    expect(allowedActions(a, system, '2025-06-16T09:30:00Z')).toEqual([]);
    const up = applyAction(a, bodyFor('escalate', a.version), system, '2025-06-16T09:31:00Z');
    expect(up.next.escalated).toBe(true);
    const moved = applyAction(up.next, bodyFor('reassign', up.next.version), actorFor('centre'), '2025-06-16T10:00:00Z');
    expect(moved.next).toMatchObject({ officerId: OTHER_OFFICER, escalated: false });
    expect(moved.effects).toEqual(expect.arrayContaining(['notify_officer', 'notify_previous_officer']));
  });

  it('withdraw is refused once transferred', () => {
    expect(() => applyAction(appealIn('transferred'), bodyFor('withdraw', 1), enterprise, '2025-06-10T02:00:00Z')).toThrow('该诉求已转办至人社办理，不能撤回，如不再需要请联系联络官');
  });

  it('the mini-program buttons per role for an in-progress appeal', () => {
    const a = appealIn('in_progress');
    const at = '2025-06-10T02:00:00Z';
    expect(allowedActions(a, enterprise, at)).toEqual(['withdraw']);
    expect(allowedActions(a, officer, at)).toEqual(['request_info', 'transfer', 'escalate', 'resolve']);
    expect(allowedActions(a, chief, at)).toEqual(['request_info', 'transfer', 'reassign', 'resolve']);
    expect(allowedActions(a, actorFor('centre'), at)).toEqual(['reassign']);
    expect(allowedActions(a, system, at)).toEqual([]);
  });
});

describe('createAppeal', () => {
  const input = { id: 'ap-9', enterpriseId: 'ent-1', stationId: 'st-1', officerId: OFFICER, createdBy: 'user-1' };

  it('creates a submitted appeal at version 1 with deadlines and a creation entry', () => {
    const { appeal, history, effects } = createAppeal(
      { ...input, body: { type: 'policy', category: 'exit-entry', urgency: 'normal', title: '外籍员工签证续签', description: '我司外籍工程师的工作签证下月到期，请问续签需要哪些材料？' } },
      '2025-09-30T08:00:00Z',
    );
    expect(() => Appeal.parse(appeal)).not.toThrow();
    expect(appeal).toMatchObject({ status: 'submitted', version: 1, acceptDueAt: '2025-09-30T09:30:00.000Z', resolveDueAt: '2025-10-10T09:30:00.000Z' });
    expect(appeal.grade).toBeUndefined();
    expect(history).toMatchObject({ action: 'submit', from: null, to: 'submitted' });
    expect(effects).toEqual(['notify_officer']);
  });

  it('asks the chief to assign when no officer is available', () => {
    const { effects } = createAppeal(
      { ...input, officerId: null, body: { type: 'help', category: 'other', urgency: 'normal', title: '需要民警协助', description: '公司门口有可疑人员连续几天徘徊，请求协助。' } },
      '2025-09-30T08:00:00Z',
    );
    expect(effects).toEqual(['notify_chief']);
  });
});

describe('status helpers', () => {
  it('open statuses are those where police still owe work', () => {
    expect(OPEN_STATUSES).toEqual(['submitted', 'accepted', 'in_progress', 'awaiting_info', 'transferred']);
    expect(isOpen('resolved')).toBe(false);
    expect(isOpen('transferred')).toBe(true);
  });
  it('messages are possible until closed or withdrawn', () => {
    expect(canPostMessage({ status: 'resolved' })).toBe(true);
    expect(canPostMessage({ status: 'closed' })).toBe(false);
  });
  it('chief is the fixture chief id', () => {
    expect(actorFor('chief').id).toBe(CHIEF);
  });
});
