/**
 * Demo appeals for the local stack, so a chief's queue is not empty on first look: for every station a
 * handful of cases spread over the last days, driven through the real services (fileAppeal, actOnAppeal,
 * the SLA sweep) at chosen times, so every case, history entry and queue entry is exactly what the app
 * itself writes. The demo enterprises (those with an owner account) file them; the mix is fixed by a
 * seeded PRNG, the times are relative to `now` so "today" always has work in it.
 */
import type { Principal } from '../../shared/domain/principal';
import type { CreateAppealBody } from '../../shared/appeals/schemas';
import { actOnAppeal, fileAppeal } from '../../functions/services/appeal-service';
import { recordFollowUp } from '../../functions/services/followup-service';
import { runSlaSweep } from '../../functions/services/scheduler-service';
import { generateDistrict, mulberry32 } from './generate';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const CASES: (CreateAppealBody & { fate: Fate })[] = [
  {
    type: 'dispute',
    category: 'obstruction',
    urgency: 'urgent',
    grade: 2,
    title: '项目工地大门被人堵住',
    description: '今天上午有十余人堵住工地大门，要求承揽土方工程，施工车辆无法进出。',
    place: '工地东门',
    fate: 'submitted',
  },
  { type: 'dispute', category: 'labour-wages', urgency: 'normal', grade: 1, title: '离职员工聚集讨要工资', description: '三名离职员工对结算工资有异议，连续两天到公司办公室吵闹，影响正常办公。', fate: 'in_progress' },
  { type: 'policy', category: 'household', urgency: 'normal', title: '员工办理居住证需要什么材料', description: '公司新招外地员工二十余人，想了解集体办理居住证需要准备哪些材料，能否上门采集。', fate: 'resolved_today' },
  { type: 'policy', category: 'exit-entry', urgency: 'normal', title: '外籍技术人员来华工作签证咨询', description: '公司拟聘请两名外籍工程师，想了解工作类居留许可的办理流程和所需时间。', fate: 'rated_good' },
  { type: 'suggestion', category: 'traffic-order', urgency: 'normal', title: '建议早高峰增派交通疏导', description: '园区门口早高峰车辆拥堵严重，建议在七点半至八点半增派警力疏导交通。', fate: 'overdue' },
  {
    type: 'help',
    category: 'fraud-prevention',
    urgency: 'urgent',
    title: '财务人员接到冒充老板的转账电话',
    description: '财务人员接到自称董事长的电话和QQ消息，要求紧急向陌生账户转账，未转，请求核实。',
    fate: 'accepted',
  },
  { type: 'dispute', category: 'contract-debt', urgency: 'normal', grade: 1, title: '供应商拖欠货款并威胁', description: '合作供应商拖欠货款八万元，催讨时对方扬言让我们“好看”，担心发生冲突。', fate: 'rated_bad' },
  { type: 'dispute', category: 'theft-damage', urgency: 'normal', grade: 1, title: '仓库夜间电缆被盗', description: '昨夜仓库外围电缆被剪断盗走约两百米，监控拍到两名可疑人员。', fate: 'transferred' },
];

type Fate = 'submitted' | 'accepted' | 'in_progress' | 'overdue' | 'transferred' | 'resolved_today' | 'rated_good' | 'rated_bad';

export async function seedDemoAppeals(options: { now?: Date; onProgress?: (done: number, total: number) => void } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const district = generateDistrict();
  const owners = new Map(district.members.map((m) => [m.enterpriseId, m.userId]));
  const byStation = new Map<string, typeof district.enterprises>();
  for (const e of district.enterprises) if (owners.has(e.id)) byStation.set(e.stationId, [...(byStation.get(e.stationId) ?? []), e]);
  const officers = new Map(district.officers.map((o) => [o.id, o]));
  const total = district.stations.length * CASES.length;
  let done = 0;

  // Stations are independent: seed them side by side, each with its own PRNG so the mix stays fixed.
  const seedStation = async (station: (typeof district.stations)[number], index: number) => {
    const rng = mulberry32(20261123 + index);
    const enterprises = byStation.get(station.id) ?? [];
    if (enterprises.length === 0) return;
    const chief = district.officers.find((o) => o.stationId === station.id && o.isChief)!;
    for (const [i, spec] of CASES.entries()) {
      const { fate, ...body } = spec;
      const enterprise = enterprises[i % enterprises.length];
      const owner: Principal = { role: 'enterprise', userId: owners.get(enterprise.id)!, enterpriseId: enterprise.id, memberRole: 'owner' };
      const officer = officers.get(enterprise.officerId)!;
      const police: Principal = { role: 'officer', userId: `u-officer-${officer.id}`, officerId: officer.id, stationId: station.id };
      const chiefP: Principal = { role: 'chief', userId: `u-chief-${station.id}`, officerId: chief.id, stationId: station.id };
      const ageDays = fate === 'submitted' ? 0 : fate === 'overdue' ? 8 : fate === 'resolved_today' ? 1 : 1 + Math.floor(rng() * 4);
      // New cases arrived within the last hour, so they are today's whatever the hour of the demo.
      let at = new Date(now.getTime() - ageDays * DAY - (fate === 'submitted' ? 0.2 + rng() * 0.5 : 1 + rng() * 3) * HOUR);
      let view = await fileAppeal(owner, body, at);
      const step = async (who: Principal, action: Record<string, unknown>) => {
        at = new Date(Math.min(now.getTime() - 5 * 60_000, at.getTime() + (2 + rng() * 20) * HOUR));
        if (fate === 'resolved_today' && action.action === 'resolve') at = new Date(now.getTime() - 30 * 60_000);
        view = await actOnAppeal(who, view.appeal.id, { ...action, version: view.appeal.version } as never, at);
      };
      const handler = view.appeal.officerId ? police : chiefP;
      if (fate !== 'submitted' && fate !== 'overdue') await step(handler, { action: 'accept', note: '已受理，将尽快联系企业了解情况。' });
      if (fate === 'in_progress' || fate === 'transferred') await step(handler, { action: 'start' });
      if (fate === 'transferred') await step(handler, { action: 'transfer', departmentId: 'market-regulation', note: '涉及市场主体经营纠纷，转市场监管部门核查处理。' });
      if (fate === 'resolved_today' || fate === 'rated_good' || fate === 'rated_bad') {
        await step(handler, { action: 'resolve', resolution: '已与企业负责人当面沟通，问题已按规定处理完毕，并告知后续注意事项。' });
      }
      if (fate === 'rated_good') await step(owner, { action: 'rate', rating: 5, comment: '联络官响应很快，解答很专业，谢谢！' });
      if (fate === 'rated_bad') await step(owner, { action: 'rate', rating: 2, comment: '处理太慢，问题拖了好几天才有回复。' });
      // The bad rating made a 回访 task in its closing transaction; every other station has already called back,
      // so the demo shows both 待回访 and 已回访 and 统计分析 has a before/after satisfaction.
      if (fate === 'rated_bad' && index % 2 === 0) {
        const recordAt = new Date(Math.min(now.getTime() - 60_000, at.getTime() + 3 * HOUR));
        await recordFollowUp(chiefP, view.appeal.id, { method: 'phone', reached: true, satisfaction: 'satisfied', notes: '所长电话回访，企业表示货款纠纷已调解，对后续处理满意。' }, recordAt);
      }
      done += 1;
      options.onProgress?.(done, total);
    }
  };
  await Promise.all(district.stations.map(seedStation));
  // Whatever is past its deadline now is escalated, as the scheduler would have done.
  await runSlaSweep(now);
  return done;
}
