/**
 * Demo bulletins (通知公告), published through the real service so the feeds, receipts and counts are exactly
 * what the app builds: a fraud warning from 解放碑派出所 to its 住宿和餐饮业 enterprises (some confirmed
 * 已阅知), a 助企动态 and a 法治宣教 on 非法集资 from the centre to every enterprise, a 政策解读 from
 * 朝天门派出所 to its enterprises, one scheduled item and one withdrawn. Times are fixed relative to `now`.
 */
import { fromMarkup } from '../../shared/bulletins/rich-text';
import type { Principal } from '../../shared/domain/principal';
import { createBulletin, readBulletin, runBulletinJob, withdrawBulletin } from '../../functions/services/bulletin-service';
import { enterpriseRepository } from '../../functions/repositories/enterprise-repository';
import { collectAll } from '../../functions/lib/dynamo';
import { generateDistrict } from './generate';

const CENTRE: Principal = { role: 'centre', userId: 'u-centre-c1', adminId: 'ad1', centreId: 'c1' };
const chiefOf = (stationId: string): Principal => {
  const chief = generateDistrict().officers.find((o) => o.isChief && o.stationId === stationId)!;
  return { role: 'chief', userId: chief.userId ?? `u-chief-${stationId}`, officerId: chief.id, stationId };
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const BULLETIN_SEED = {
  fraud: {
    kind: 'risk' as const,
    title: '警惕冒充“美团/携程客服”退款诈骗',
    text: [
      '近期辖区多家餐饮、住宿企业接到自称“平台客服”的电话，以“订单异常需退款”“店铺评分被降需缴纳保证金”为由，诱导财务人员下载会议软件、开启屏幕共享后转账。',
      '# 防范要点',
      '- 平台退款只在平台内原路退回，**不会要求转账或共享屏幕**',
      '- 凡要求下载陌生App、开启屏幕共享的，一律是诈骗',
      '- 接到可疑来电，请先挂断，通过平台官方渠道核实',
      '如已转账，请立即拨打**110**或**96110**，并联系您的助企警务联络官。',
    ].join('\n'),
  },
  support: {
    kind: 'support' as const,
    title: '助企警务中心推出“一企一联络官”上门服务',
    text: ['即日起，辖区企业可通过“助企直通车”小程序预约联络官上门，集中办理员工居住登记、居住证采集等业务。', '- 员工10人以上可申请上门集中采集', '- 涉企纠纷可在小程序“诉求上报”中直接提交，联络官限时响应'].join('\n'),
  },
  legal: {
    kind: 'legal' as const,
    title: '远离非法集资 守护企业钱袋子',
    text: [
      '非法集资具有“承诺高额回报”“编造虚假项目”“以发展下线拉人头”等特征。',
      '# 企业需要注意',
      '- 不以“内部融资”“员工入股”名义向社会公众吸收资金',
      '- 警惕以“养老投资”“私募基金”为名的高息理财',
      '依据《防范和处置非法集资条例》，发现非法集资线索可向公安机关举报。',
    ].join('\n'),
  },
  policy: {
    kind: 'policy' as const,
    title: '一图读懂：外地员工办理居住证新规',
    text: ['自本月起，居住证申领材料精简为**身份证**和**居住登记凭证**两项，单位出具的在职证明可替代劳动合同。', '- 受理后15日内制证', '- 可邮寄或由单位统一领取'].join('\n'),
  },
};

export async function seedBulletins(now = new Date()): Promise<number> {
  let n = 0;
  const CHIEF_ST01 = chiefOf('st01');
  const CHIEF_ST02 = chiefOf('st02');
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  const publish = async (caller: Principal, item: (typeof BULLETIN_SEED)[keyof typeof BULLETIN_SEED], audience: Parameters<typeof createBulletin>[1]['audience'], when: Date, publishAt?: string) => {
    n++;
    const created = await createBulletin(caller, { kind: item.kind, title: item.title, body: fromMarkup(item.text), audience, ...(publishAt ? { publishAt } : {}) }, when);
    // Finish a district-wide delivery now rather than leave it to the scheduler.
    if (!publishAt) await runBulletinJob(created.bulletin.id, when);
    return created;
  };

  await publish(CENTRE, BULLETIN_SEED.legal, { type: 'all' }, at(6 * DAY));
  await publish(CENTRE, BULLETIN_SEED.support, { type: 'all' }, at(3 * DAY));
  await publish(CHIEF_ST02, BULLETIN_SEED.policy, { type: 'stations', stationIds: ['st02'] }, at(2 * DAY));
  const fraud = await publish(CHIEF_ST01, BULLETIN_SEED.fraud, { type: 'industry', industry: 'hospitality', stationId: 'st01' }, at(1 * DAY));
  // Some of the addressed enterprises have confirmed 已阅知 (not en0002, the demo account, which is left to confirm).
  const addressed = (await collectAll((cursor) => enterpriseRepository.listByStation('st01', { cursor, limit: 100 }))).filter((e) => e.industry === 'hospitality' && e.id !== 'en0002');
  for (const [i, e] of addressed.slice(0, Math.ceil(addressed.length / 3)).entries()) {
    await readBulletin({ role: 'enterprise', userId: `u-enterprise-${e.id}`, enterpriseId: e.id, memberRole: 'owner' }, fraud.bulletin.id, at(DAY - (i + 1) * 10 * 60_000));
  }
  // 定时: next Monday-ish; and one withdrawn by mistake.
  await publish(CENTRE, { ...BULLETIN_SEED.support, title: '“警企恳谈会”报名通知' }, { type: 'stations', stationIds: ['st01', 'st02', 'st03'] }, at(HOUR), new Date(now.getTime() + 3 * DAY).toISOString());
  const wrong = await publish(CHIEF_ST01, { ...BULLETIN_SEED.policy, title: '（误发）居住证新规解读' }, { type: 'stations', stationIds: ['st01'] }, at(5 * HOUR));
  await withdrawBulletin(CHIEF_ST01, wrong.bulletin.id, { version: wrong.bulletin.version }, at(4 * HOUR));
  return n;
}
