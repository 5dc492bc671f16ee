/**
 * A deterministic population of appeals for the demo district, as of one moment (`now`). PURE: no I/O, no
 * clock, no Math.random.
 *
 * Every appeal is built by the shared state machine: createAppeal, then the actions its life would have seen
 * (accept, start, request/provide info, transfer/feedback, resolve, reopen, rate, rectify, withdraw), each by
 * the right actor at a plausible time, plus what the SLA sweep would have done (escalate when overdue, every
 * 5 minutes; auto-close 7 days after resolution) and sometimes the chief's reassignment after an escalation.
 * Actions whose time lies after `now` are not taken, so the state is whatever the appeal's life had reached by
 * then: old appeals are closed, today's are mostly waiting for acceptance, and a minority of long-running
 * cases (waiting for another department or for the enterprise for weeks or months) stays open and overdue.
 *
 * Volume: `total` appeals over the last `spanDays` days, fewer at weekends and outside office hours, spread
 * over the enterprises with log-uniform activity weights (a few enterprises file many appeals). The plan is
 * sorted newest first, so loading its first N appeals gives the district's last few days and loading the rest
 * adds the history behind them.
 */
import { ulid } from 'ulid';
import { makeRng, type District } from '../../scripts/seed/generate';
import { applyAction, createAppeal, type Actor } from '../../shared/appeals/state-machine';
import { APPEAL_CATEGORIES, DEPARTMENT_IDS, isOpen, type AppealType, type CategoryOption, type RatingLevel } from '../../shared/appeals/catalogue';
import type { Appeal, AppealActionBody, HistoryEntry } from '../../shared/appeals/schemas';
import { currentDueAt } from '../../shared/appeals/queues';
import { DEFAULT_SLA_POLICY, resolveDuration } from '../../shared/appeals/sla';
import type { AppealRecord } from '../../functions/repositories/appeal-repository';
import type { OfficerRecord } from '../../functions/repositories/organisation-repository';
import type { VersionedHistory } from './items';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Shanghai has had no daylight saving since 1991: local time is UTC+8 throughout. */
const SHANGHAI = 8 * HOUR;
const OFFICE_DAY = 7 * HOUR;
const SWEEP_EVERY = 5 * MINUTE;

export type PopulationOptions = {
  total: number;
  now: Date;
  /** how far back appeals go (default 365 days) */
  spanDays?: number;
  seed?: number;
};

export type PlannedAppeal = { index: number; enterpriseIndex: number; createdAt: number };
export type GeneratedAppeal = { record: AppealRecord; history: VersionedHistory[] };

type Rng = ReturnType<typeof makeRng> & { between: (min: number, max: number) => number };
const makeBenchRng = (seed: number): Rng => {
  const rng = makeRng(seed);
  return { ...rng, between: (min: number, max: number) => min + rng.next() * (max - min) };
};

// ---- local time, fast (behaviour only: the deadlines themselves come from shared/appeals/sla.ts) ---------

const localDayStart = (t: number) => Math.floor((t + SHANGHAI) / DAY) * DAY - SHANGHAI;
const weekday = (dayStart: number) => new Date(dayStart + SHANGHAI).getUTCDay();
const OFFICE_WINDOWS: readonly (readonly [number, number])[] = [
  [9 * HOUR, 12 * HOUR],
  [13.5 * HOUR, 17.5 * HOUR],
];

/** `t` plus `ms` of office time (Monday–Friday, 09:00–12:00 and 13:30–17:30 in Shanghai). */
export function addOfficeTime(t: number, ms: number): number {
  let remaining = ms;
  for (let day = localDayStart(t), i = 0; i < 4000; day += DAY, i++) {
    const wd = weekday(day);
    if (wd === 0 || wd === 6) continue;
    for (const [s, e] of OFFICE_WINDOWS) {
      const from = day + s;
      const to = day + e;
      if (to <= t) continue;
      const begin = Math.max(from, t);
      if (remaining <= to - begin) return begin + remaining;
      remaining -= to - begin;
    }
  }
  throw new RangeError('addOfficeTime: too far');
}

const nextSweep = (t: number) => Math.ceil((t + 1) / SWEEP_EVERY) * SWEEP_EVERY + 20_000;

// ---- reference texts ----------------------------------------------------------------------------------

const TYPE_MIX: readonly (readonly [AppealType, number])[] = [
  ['policy', 40],
  ['help', 25],
  ['dispute', 20],
  ['suggestion', 15],
];
const TITLES: Record<AppealType, readonly string[]> = {
  policy: ['外籍员工工作居留许可办理咨询', '新开门店消防安全检查流程咨询', '员工集体户口迁入需要哪些材料', '单位内部保卫制度备案咨询', '公司车辆临时通行证如何办理'],
  help: ['门店附近夜间有可疑人员徘徊', '财务人员疑似接到诈骗电话', '申请民警上门开展防诈宣传', '员工证件遗失需开具证明', '仓库安全隐患请求协助排查'],
  dispute: ['工地被人阻工封门', '拖欠货款对方拒不见面', '离职员工聚集讨要工资', '商铺门口被他人长期占用', '合作方恶意抢注我司商标'],
  suggestion: ['建议增加周末户籍窗口办理时间', '商圈周边停车秩序需要整治', '建议简化企业证明开具流程', '夜间巡逻可否覆盖后街', '希望定期举办企业安全培训'],
};
const DESCRIPTION = '具体情况如标题所述，已影响企业正常经营，请联络官尽快了解并协助处理，谢谢。';

// ---- the population -----------------------------------------------------------------------------------

export class AppealPopulation {
  readonly plan: PlannedAppeal[];
  private readonly now: number;
  private readonly seed: number;
  private readonly officers = new Map<string, OfficerRecord>();
  private readonly available = new Map<string, OfficerRecord[]>();
  private readonly chiefs = new Map<string, OfficerRecord>();
  private readonly stationNames = new Map<string, string>();

  constructor(
    private readonly district: District,
    options: PopulationOptions,
  ) {
    this.now = options.now.getTime();
    this.seed = options.seed ?? 20261028;
    for (const s of district.stations) this.stationNames.set(s.id, s.name);
    for (const o of district.officers) {
      this.officers.set(o.id, o);
      if (o.isChief) this.chiefs.set(o.stationId, o);
      else if (!o.onLeave) this.available.set(o.stationId, [...(this.available.get(o.stationId) ?? []), o]);
    }
    this.plan = this.makePlan(options.total, (options.spanDays ?? 365) * DAY);
  }

  private makePlan(total: number, span: number): PlannedAppeal[] {
    const rng = makeBenchRng(this.seed);
    const enterprises = this.district.enterprises;
    // log-uniform activity: the busiest enterprises file ~30 times as often as the quietest
    const cumulative: number[] = [];
    let sum = 0;
    for (let i = 0; i < enterprises.length; i++) {
      sum += Math.exp(rng.next() * Math.log(30));
      cumulative.push(sum);
    }
    const pickEnterprise = () => {
      const target = rng.next() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] <= target) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const registered = enterprises.map((e) => Date.parse(e.createdAt));
    const plan: PlannedAppeal[] = [];
    for (let index = 0; index < total; index++) {
      // The moment first, then an enterprise that existed by then: an enterprise registered last month files
      // a month's worth of appeals, not a year's squeezed into one month.
      const createdAt = this.sampleTime(rng, this.now - span);
      let enterpriseIndex = pickEnterprise();
      while (registered[enterpriseIndex] + HOUR > createdAt) enterpriseIndex = pickEnterprise();
      plan.push({ index, enterpriseIndex, createdAt });
    }
    return plan.sort((a, b) => b.createdAt - a.createdAt || a.index - b.index);
  }

  /** A submission time after `earliest`: weekdays 3× as busy as weekends, mostly in office hours. */
  private sampleTime(rng: Rng, earliest: number): number {
    for (;;) {
      const day = localDayStart(earliest + rng.next() * (this.now - earliest));
      const wd = weekday(day);
      if ((wd === 0 || wd === 6) && rng.chance(0.65)) continue;
      const at = Math.round(day + (rng.chance(0.8) ? rng.between(8.5 * HOUR, 18 * HOUR) : rng.between(7 * HOUR, 23 * HOUR)));
      if (at > earliest && at < this.now) return at;
    }
  }

  /**
   * The history's `actorName`, as appeal-service.ts writes it (its `authorName`, and '系统' for the sweep):
   * a local copy, because the service's version reads the officer from the table.
   */
  private actorName(actor: Actor, enterpriseName: string): string {
    if (actor.role === 'enterprise') return enterpriseName;
    if (actor.role === 'system') return '系统';
    if (actor.role === 'centre') return '助企警务中心';
    const o = this.officers.get(actor.id);
    return o ? `${o.name}（${o.isChief ? '所长' : o.title}）` : '民警';
  }

  /** The appeal of one plan entry, in the state its life had reached at `now`. */
  materialise(p: PlannedAppeal): GeneratedAppeal {
    const rng = makeBenchRng((this.seed ^ Math.imul(p.index + 1, 0x9e3779b1)) >>> 0);
    const e = this.district.enterprises[p.enterpriseIndex];
    const officer = this.officers.get(e.officerId);
    const assigned = officer && !officer.onLeave && officer.stationId === e.stationId ? officer : null;
    const type = rng.weighted(TYPE_MIX);
    const grade =
      type === 'dispute'
        ? rng.weighted([
            [1, 60],
            [2, 30],
            [3, 10],
          ] as const)
        : undefined;
    const body = {
      type,
      category: rng.pick<CategoryOption>(APPEAL_CATEGORIES[type]).id,
      urgency: rng.chance(type === 'suggestion' ? 0.02 : 0.12) ? 'urgent' : 'normal',
      ...(grade !== undefined && { grade }),
      title: rng.pick(TITLES[type]),
      description: DESCRIPTION,
    };
    const created = createAppeal({ id: ulid(p.createdAt, rng.next), enterpriseId: e.id, stationId: e.stationId, officerId: assigned?.id ?? null, createdBy: `u-enterprise-${e.id}`, body }, p.createdAt);
    const life = new Life(created.appeal, { ...created.history, actorName: e.name }, p.createdAt, this.now, rng, {
      chief: this.chiefs.get(e.stationId)!,
      officers: this.available.get(e.stationId) ?? [],
      nameOf: (actor) => this.actorName(actor, e.name),
    });
    life.run();
    const a = life.appeal;
    const record: AppealRecord = {
      ...a,
      enterpriseName: e.name,
      officerName: a.officerId ? (this.officers.get(a.officerId)?.name ?? null) : null,
      stationName: this.stationNames.get(a.stationId)!,
    };
    return { record, history: life.history };
  }
}

type Who = 'officer' | 'chief' | 'enterprise' | 'system';
type WithoutVersion<B> = B extends unknown ? Omit<B, 'version'> : never;
/** An action body without its version: the life adds the version it is at. */
type Body = WithoutVersion<AppealActionBody>;

/** One appeal's life, replayed through applyAction until the next step would lie after `now`. */
class Life {
  readonly history: VersionedHistory[];
  private stopped = false;

  constructor(
    public appeal: Appeal,
    first: HistoryEntry,
    private t: number,
    private readonly now: number,
    private readonly rng: Rng,
    private readonly station: { chief: OfficerRecord; officers: OfficerRecord[]; nameOf: (actor: Actor) => string },
  ) {
    this.history = [{ entry: first, version: appeal.version }];
  }

  run(): void {
    this.live();
    // The sweep may still have escalated it between its last step and now.
    this.sweep(this.now);
  }

  private live(): void {
    const r = this.rng;
    if (!this.appeal.officerId && !this.step(this.office(0.3, 4), 'chief', { action: 'reassign', targetOfficerId: this.otherOfficer() })) return;
    if (r.chance(0.015)) {
      this.step(this.clock(0.5, 30), 'enterprise', { action: 'withdraw', note: '问题已自行解决，撤回诉求' });
      return;
    }
    const lateAccept = r.chance(0.12);
    if (!this.step(lateAccept ? this.office(6, 30) : this.office(0.05, 3), 'officer', { action: 'accept' })) return;
    if (r.chance(0.25) && !this.step(this.office(0.2, 4), 'officer', { action: 'start' })) return;
    if (r.chance(0.02)) {
      this.step(this.clock(1, 72), 'enterprise', { action: 'withdraw', note: '已与对方协商解决' });
      return;
    }
    // Long-running cases: another department or the enterprise takes weeks to months.
    const stuck = r.chance(0.07);
    const detour = r.next();
    if (detour < 0.08) {
      if (!this.step(this.office(0.5, 8), 'officer', { action: 'request_info', note: '请补充营业执照复印件和相关合同材料' })) return;
      if (!this.step(stuck ? this.clock(20 * 24, 300 * 24) : this.clock(8, 6 * 24), 'enterprise', { action: 'provide_info', note: '相关材料已上传，请查收' })) return;
    } else if (detour < 0.15) {
      if (!this.step(this.office(1, 10), 'officer', { action: 'transfer', departmentId: r.pick(DEPARTMENT_IDS), note: '该事项需由职能部门办理，已转办' })) return;
      if (!this.step(stuck ? this.clock(20 * 24, 300 * 24) : this.office(2 * 7, 15 * 7), 'officer', { action: 'record_feedback', note: '职能部门已受理并给出处理意见' })) return;
    }
    const resolveAt = stuck && detour >= 0.15 ? this.clock(20 * 24, 300 * 24) : this.resolveTime();
    if (!this.step(resolveAt, 'officer', { action: 'resolve', resolution: '已与企业沟通并依法妥善处理，企业表示认可' })) return;
    if (r.chance(0.04)) {
      if (!this.step(this.clock(12, 6 * 24), 'enterprise', { action: 'reopen', note: '问题仍未彻底解决，请继续跟进' })) return;
      if (!this.step(this.resolveTime(), 'officer', { action: 'resolve', resolution: '已再次核实并处理完毕，企业表示满意' })) return;
    }
    if (r.chance(0.3)) {
      this.step(nextSweep(Date.parse(this.appeal.resolvedAt!) + DEFAULT_SLA_POLICY.autoCloseAfterDays * DAY), 'system', { action: 'auto_close' });
      return;
    }
    const rating = r.weighted<RatingLevel>([
      [5, 60],
      [4, 22],
      [3, 8],
      [2, 6],
      [1, 4],
    ]);
    const bad = rating <= 2;
    if (!this.step(this.clock(1, 156), 'enterprise', { action: 'rate', rating, ...(bad && { comment: '处理不及时，问题没有得到解决' }) })) return;
    if (!bad || !r.chance(0.9)) return;
    if (!this.step(this.office(7, 8 * 7), 'chief', { action: 'rectify', note: '所长已约谈企业负责人，督促联络官整改到位' })) return;
    if (r.chance(0.6))
      this.step(this.clock(24, 6 * 24), 'enterprise', {
        action: 'rate',
        rating: r.weighted<RatingLevel>([
          [5, 50],
          [4, 35],
          [3, 15],
        ]),
      });
  }

  /** Most cases are resolved within their deadline; about one in six runs late (and gets escalated). */
  private resolveTime(): number {
    const d = resolveDuration(this.appeal.type, this.appeal.urgency);
    const f = this.rng.chance(0.83) ? this.rng.between(0.1, 0.9) : this.rng.between(1.1, 2.5);
    return d.unit === 'clock_hours' ? this.t + f * d.amount * HOUR : addOfficeTime(this.t, f * (d.amount + 1) * OFFICE_DAY);
  }

  private office(minHours: number, maxHours: number): number {
    return addOfficeTime(this.t, this.rng.between(minHours, maxHours) * HOUR);
  }

  private clock(minHours: number, maxHours: number): number {
    return this.t + this.rng.between(minHours, maxHours) * HOUR;
  }

  private otherOfficer(): string {
    const choices = this.station.officers.filter((o) => o.id !== this.appeal.officerId);
    return this.rng.pick(choices).id;
  }

  private actor(who: Who): Actor {
    switch (who) {
      case 'officer':
        return this.appeal.officerId ? { id: this.appeal.officerId, role: 'officer' } : { id: this.station.chief.id, role: 'chief' };
      case 'chief':
        return { id: this.station.chief.id, role: 'chief' };
      case 'enterprise':
        return { id: this.appeal.createdBy, role: 'enterprise' };
      case 'system':
        return { id: 'system', role: 'system' };
    }
  }

  /** Take one action at `at` unless that is after now; the sweep gets its chance first. */
  private step(at: number, who: Who, body: Body): boolean {
    if (this.stopped) return false;
    this.sweep(at);
    if (at >= this.now) {
      this.stopped = true;
      return false;
    }
    this.apply(at, who, body);
    return true;
  }

  private apply(at: number, who: Who, body: Body): void {
    const actor = this.actor(who);
    const { next, history } = applyAction(this.appeal, { ...body, version: this.appeal.version }, actor, at);
    this.appeal = next;
    this.history.push({ entry: { ...history, actorName: this.station.nameOf(actor) }, version: next.version });
    this.t = at;
  }

  /** What the 5-minute SLA sweep does before `until`: escalate an overdue case; the chief sometimes reassigns it. */
  private sweep(until: number): void {
    const a = this.appeal;
    if (!isOpen(a.status) || a.escalated || a.status === 'awaiting_info') return;
    const at = nextSweep(Math.max(Date.parse(currentDueAt(a)), this.t));
    const limit = Math.min(until, this.now);
    if (at >= limit) return;
    this.apply(at, 'system', { action: 'escalate', note: '超过办理时限，系统自动上报所长' });
    if (!this.rng.chance(0.3)) return;
    const reassignAt = addOfficeTime(at, this.rng.between(0.5, 6) * HOUR);
    if (reassignAt < limit) this.apply(reassignAt, 'chief', { action: 'reassign', targetOfficerId: this.otherOfficer() });
  }
}
