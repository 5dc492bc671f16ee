/**
 * A deterministic demo district, after 渝中 ("3+13+79": 3 助企警务 centres, 13 派出所 stations, 79 助企警务联络官,
 * 1,900 enterprises). PURE: no I/O, no clock, no Math.random — the same options always give the same records,
 * so tests, screenshots and benchmarks see the same district.
 *
 * What it produces:
 *  - centres c1..c3 (the 分局's 助企警务中心 and two 分中心), stations st01..st13 each under one centre;
 *  - per station one chief (isChief, 所长) and 5–7 liaison officers; two liaison officers are on leave;
 *    ids of001.. (liaison officers, grouped by station) then the chiefs;
 *  - one centre admin per centre (ad1..ad3);
 *  - enterprises en0001.. in registration order (en0001 is the oldest), each with a valid and unique
 *    统一社会信用代码 and exactly one officer of its own station, chosen by pickOfficer on running counts —
 *    exactly what registration does — so loads are balanced and officer.enterpriseCount is the true count;
 *  - a user for every officer, chief and admin, and an owner user (with its member record) for the first
 *    `ownersPerStation` enterprises of each station; openid demo_<accountId>, userId u-<accountId>;
 *  - the demo accounts the login picker offers: 3 centre admins, 13 chiefs, 2 officers per station and
 *    15 enterprise owners spread over the stations.
 */
import { PRIVACY_GUIDE_VERSION } from '../../shared/privacy/guide';
import type { Centre, Station } from '../../shared/schemas/organisation';
import type { Enterprise, EnterpriseMember } from '../../shared/schemas/enterprise';
import type { DemoAccount, Role } from '../../shared/schemas/auth';
import type { IndustryId } from '../../shared/domain/industries';
import type { AdminRecord, OfficerRecord } from '../../functions/repositories/organisation-repository';
import { userRecord, type UserRecord } from '../../functions/repositories/user-repository';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../../shared/domain/credit-code';
import { pickOfficer } from '../../shared/domain/assignment';
import { demoOpenid } from '../../functions/services/session-service';

export type GenerateOptions = {
  /** PRNG seed; the default gives the canonical demo district. */
  seed?: number;
  /** number of enterprises (default 1,900) */
  enterprises?: number;
  /** number of liaison officers, chiefs not included (default 79) */
  officers?: number;
  /** the moment the district is "as of": every createdAt lies before it (default 2026-11-01T00:00:00Z) */
  now?: Date;
  /** enterprises per station (the oldest ones) that get an owner user (default 3) */
  ownersPerStation?: number;
};

export type District = {
  centres: Centre[];
  stations: Station[];
  /** liaison officers first (grouped by station), then the chiefs */
  officers: OfficerRecord[];
  admins: AdminRecord[];
  enterprises: Enterprise[];
  users: UserRecord[];
  members: EnterpriseMember[];
  /** in the order the picker shows them */
  demoAccounts: DemoAccount[];
};

export const DEFAULT_SEED = 20231106;
export const DEFAULT_NOW = new Date('2026-11-01T00:00:00.000Z');
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for demo data, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = ReturnType<typeof makeRng>;
/** A seeded random source with the helpers demo data needs (also used by the benchmarks' generator). */
export function makeRng(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  function weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1][0];
  }
  function shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** log-uniform integer: small values common, large ones rare */
  const logInt = (min: number, max: number) => Math.round(Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))));
  return { next, int, pick, chance, weighted, shuffle, logInt };
}

// ---------------------------------------------------------------------------------------------------------
// Reference data

const CENTRES = [
  { id: 'c1', name: '渝中区公安分局助企警务中心' },
  { id: 'c2', name: '渝中区公安分局助企警务中心上清寺分中心' },
  { id: 'c3', name: '渝中区公安分局助企警务中心大坪分中心' },
] as const;

/**
 * weight: how many enterprises the station's patch holds, relative to an average one (解放碑 is the CBD).
 * latitude/longitude: GCJ-02 points on the 渝中 peninsula, near each patch's streets (for 查看地图).
 */
const STATIONS = [
  { name: '解放碑派出所', latitude: 29.5578, longitude: 106.5772, centreId: 'c1', weight: 1.6, roads: ['民族路', '邹容路', '五一路', '八一路', '民权路', '青年路', '较场口', '临江支路'] },
  { name: '朝天门派出所', latitude: 29.5644, longitude: 106.5858, centreId: 'c1', weight: 1.2, roads: ['陕西路', '朝东路', '信义街', '新华路', '小什字', '千厮门行街'] },
  { name: '七星岗派出所', latitude: 29.5565, longitude: 106.5642, centreId: 'c1', weight: 0.9, roads: ['中山一路', '和平路', '金汤街', '领事巷', '通远门', '七星岗路'] },
  { name: '大溪沟派出所', latitude: 29.5668, longitude: 106.5527, centreId: 'c2', weight: 0.8, roads: ['人民路', '人和街', '大溪沟街', '张家花园', '双钢路'] },
  { name: '上清寺派出所', latitude: 29.5633, longitude: 106.5439, centreId: 'c2', weight: 1.1, roads: ['中山四路', '中山三路', '上清寺路', '美专校街', '嘉陵桥西村'] },
  { name: '菜园坝派出所', latitude: 29.546, longitude: 106.5498, centreId: 'c3', weight: 0.8, roads: ['菜袁路', '南区路', '燕喜洞', '菜园坝正街', '长江滨江路'] },
  { name: '南纪门派出所', latitude: 29.5487, longitude: 106.564, centreId: 'c1', weight: 0.8, roads: ['凯旋路', '中兴路', '解放西路', '南纪门正街', '储奇门行街'] },
  { name: '石油路派出所', latitude: 29.5368, longitude: 106.5134, centreId: 'c3', weight: 1.0, roads: ['石油路', '渝州路', '虎头岩路', '大黄路', '经纬大道'] },
  { name: '大坪派出所', latitude: 29.5418, longitude: 106.5226, centreId: 'c3', weight: 1.3, roads: ['大坪正街', '长江二路', '长江一路', '大坪七星路', '大坪医学院路', '大黄路'] },
  { name: '化龙桥派出所', latitude: 29.5612, longitude: 106.5198, centreId: 'c3', weight: 1.1, roads: ['红岩村', '化龙桥正街', '瑞天路', '虎头岩路', '嘉陵江滨江路'] },
  { name: '两路口派出所', latitude: 29.5522, longitude: 106.5453, centreId: 'c2', weight: 1.0, roads: ['中山二路', '中山三路', '桂花园路', '长江一路', '鹅岭正街', '枇杷山正街'] },
  { name: '望龙门派出所', latitude: 29.5545, longitude: 106.582, centreId: 'c1', weight: 0.8, roads: ['解放东路', '白象街', '望龙门街', '道门口', '打铜街', '长滨路'] },
  { name: '嘉陵江派出所', latitude: 29.5649, longitude: 106.5706, centreId: 'c2', weight: 0.7, roads: ['北区路', '沧白路', '临江门', '嘉陵江滨江路', '洪崖洞'] },
] as const;

const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7],
  ['李', 7],
  ['张', 7],
  ['刘', 6],
  ['陈', 6],
  ['杨', 4],
  ['黄', 3],
  ['赵', 3],
  ['吴', 3],
  ['周', 3],
  ['徐', 2],
  ['孙', 2],
  ['马', 2],
  ['朱', 2],
  ['胡', 2],
  ['郭', 2],
  ['何', 2],
  ['罗', 2],
  ['高', 2],
  ['林', 1],
  ['谢', 1],
  ['唐', 2],
  ['邓', 2],
  ['冉', 1],
  ['谭', 2],
  ['向', 1],
  ['熊', 1],
  ['余', 2],
  ['蒋', 1],
  ['彭', 1],
  ['曾', 1],
  ['田', 1],
  ['袁', 1],
  ['秦', 1],
  ['廖', 1],
  ['代', 1],
  ['卢', 1],
  ['冯', 1],
  ['梁', 1],
  ['宋', 1],
  ['韩', 1],
  ['曹', 1],
  ['许', 1],
  ['傅', 1],
  ['邹', 1],
  ['杜', 1],
  ['程', 1],
  ['魏', 1],
  ['任', 1],
  ['夏', 1],
];
const GIVEN_MALE = '伟 强 军 磊 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 洋 建国 建华 志强 志勇 海涛 晓东 国庆 文斌 俊杰 红兵 德明 永刚 兴华 家豪 子轩 浩然 宇航 天佑 博文 明辉'.split(
  ' ',
);
const GIVEN_FEMALE = '敏 静 丽 艳 娟 霞 燕 芳 玲 婷 雪 琳 倩 洁 颖 欣 璐 瑶 丹 萍 晓燕 秀英 桂兰 春梅 海燕 雨涵 思雨 梓涵 欣怡 佳怡 文静 晓琳 玉兰 红梅 丽华 美玲 雅婷 诗琪 晨曦 若兰'.split(' ');

/** 字号: two characters from these, as Chongqing businesses tend to choose them. */
const BRAND_CHARS =
  '金 鑫 鼎 嘉 华 恒 宏 瑞 博 佳 新 盛 永 德 隆 兴 庆 渝 山 江 川 巴 天 汇 锦 聚 泰 安 和 信 诚 达 丰 源 合 利 元 宝 晟 昊 睿 卓 众 益 志 汉 远 航 创 优 思 凯 朗 峰 昌 荣 顺 祥 海 星 辰 灿 耀 明 科 越 骏 铭 朝 弘 泽'.split(
    ' ',
  );
const OLD_BRANDS = ['老码头', '山城', '朝天门', '解放碑', '渝味', '巴渝', '两江', '陪都', '十八梯', '白象', '鹅岭', '洪崖', '嘉陵', '大坪', '红岩', '渝信', '小天鹅', '德庄', '老四川'];

type Sector = { words: readonly string[]; shop?: readonly string[]; staff: readonly [number, number]; incorporated?: number };
const SECTORS: Record<IndustryId, Sector> = {
  'wholesale-retail': {
    words: ['商贸', '贸易', '百货', '电子产品销售', '服饰', '医药连锁', '茶叶', '酒业', '建材', '珠宝', '汽车销售', '食品销售'],
    shop: ['商贸行', '经营部', '便利店', '服装店', '副食店'],
    staff: [2, 120],
  },
  hospitality: { words: ['餐饮管理', '餐饮文化', '酒店管理', '火锅', '餐饮', '茶餐厅', '宾馆'], shop: ['火锅店', '小面馆', '餐馆', '茶馆', '串串香店'], staff: [4, 260] },
  'business-services': { words: ['企业管理咨询', '商务信息咨询', '广告', '会展服务', '人力资源管理', '国际旅行社', '知识产权代理', '汽车租赁', '企业营销策划'], staff: [3, 300] },
  software: { words: ['网络科技', '信息技术', '软件', '数据科技', '智能科技', '电子商务', '数字科技', '云计算科技'], staff: [5, 600] },
  finance: { words: ['小额贷款', '融资担保', '保险代理', '典当', '商业保理', '私募股权投资基金管理', '金融服务外包'], staff: [8, 400], incorporated: 0.3 },
  'real-estate': { words: ['房地产开发', '物业管理', '房地产经纪', '置业', '商业运营管理'], staff: [6, 500], incorporated: 0.15 },
  construction: { words: ['建筑工程', '建设工程', '装饰工程', '市政工程', '园林景观工程', '机电安装工程'], staff: [10, 800] },
  manufacturing: { words: ['食品', '印务', '火锅底料', '制药', '机械设备', '服装制造', '包装制品'], staff: [15, 1200], incorporated: 0.2 },
  logistics: { words: ['物流', '供应链管理', '货运代理', '快递服务', '运输', '仓储服务'], staff: [6, 500] },
  research: { words: ['工程设计', '检测技术', '环境科技', '工程技术', '建筑设计研究院', '勘察设计'], staff: [5, 300] },
  culture: { words: ['文化传媒', '文化传播', '影视文化', '体育文化', '文化艺术', '演艺'], shop: ['文化工作室'], staff: [3, 150] },
  'resident-services': { words: ['家政服务', '美容美发', '洗涤服务', '汽车维修', '摄影', '婚庆服务'], shop: ['理发店', '修理部', '洗衣店', '摄影工作室'], staff: [2, 120] },
  education: { words: ['教育咨询', '职业技能培训', '文化艺术培训', '教育科技'], staff: [4, 150] },
  health: { words: ['医疗管理', '口腔门诊部', '中医诊所', '健康管理', '养老服务', '医疗器械'], shop: ['诊所'], staff: [5, 600] },
  utilities: { words: ['燃气', '能源', '新能源科技', '水务'], staff: [20, 900], incorporated: 0.3 },
  agriculture: { words: ['农业开发', '生态农业', '园艺', '花卉'], staff: [3, 60] },
};

/** Industry mix of an urban core district: trade, catering and services dominate, farming barely exists. */
const INDUSTRY_MIX: readonly (readonly [IndustryId, number])[] = [
  ['wholesale-retail', 24],
  ['hospitality', 14],
  ['business-services', 14],
  ['software', 10],
  ['real-estate', 6],
  ['finance', 6],
  ['resident-services', 6],
  ['culture', 5],
  ['construction', 4],
  ['research', 3],
  ['logistics', 3],
  ['education', 3],
  ['health', 3],
  ['manufacturing', 2],
  ['utilities', 0.5],
  ['agriculture', 0.5],
];

const BUILDINGS = [
  '国际金融中心',
  '环球金融中心',
  '大都会广场',
  '时代天街',
  '协信中心',
  '英利国际',
  '来福士',
  '世纪金源',
  '日月光中心',
  '重庆天地',
  '企业天地',
  '华润大厦',
  '平安金融中心',
  '商务大厦',
  '龙湖时代天街',
  '佳宇商务中心',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

/** Chongqing 渝中区: the administrative division in every seeded credit code. */
export const DIVISION = '500103';

// ---------------------------------------------------------------------------------------------------------
// Generators

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Largest-remainder apportionment of `total` over `weights`, each share at least `min` when it fits. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const floor = total >= min * weights.length ? min : 0;
  const rest = total - floor * weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    shares[i] += 1;
  }
  return shares.map((s) => s + floor);
}

/** GB 11714 check character of an 8-character organisation code (digits 0-9, letters A=10 … Z=35). */
function orgCodeCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i];
    sum += (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55) * weights[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function people(rng: Rng) {
  const used = new Set<string>();
  const mobiles = new Set<string>();
  const badges = new Set<string>();
  const name = (unique = false): string => {
    for (;;) {
      const given = rng.pick(rng.chance(0.55) ? GIVEN_MALE : GIVEN_FEMALE);
      const n = rng.weighted(SURNAMES) + given;
      if (!unique || !used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const mobile = (): string => {
    for (;;) {
      const m = rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
      if (!mobiles.has(m)) {
        mobiles.add(m);
        return m;
      }
    }
  };
  const badge = (): string => {
    for (;;) {
      const b = pad(rng.int(10_000, 99_999), 6);
      if (!badges.has(b)) {
        badges.add(b);
        return b;
      }
    }
  };
  return { name, mobile, badge };
}

export function generateDistrict(options: GenerateOptions = {}): District {
  const seed = options.seed ?? DEFAULT_SEED;
  const enterpriseTotal = options.enterprises ?? 1900;
  const officerTotal = options.officers ?? 79;
  const now = (options.now ?? DEFAULT_NOW).getTime();
  const ownersPerStation = options.ownersPerStation ?? 3;
  if (!Number.isInteger(enterpriseTotal) || enterpriseTotal < 0) throw new RangeError('enterprises must be a non-negative integer');
  if (!Number.isInteger(officerTotal) || officerTotal < 0) throw new RangeError('officers must be a non-negative integer');

  const rng = makeRng(seed);
  const who = people(rng);
  const iso = (t: number) => new Date(t).toISOString();
  const founded = now - 730 * DAY; // the mechanism has run for about two years
  const users: UserRecord[] = [];
  const user = (accountId: string, role: Role, displayName: string, createdAt: string, bound: Partial<UserRecord>): UserRecord => {
    const u = userRecord({ userId: `u-${accountId}`, openid: demoOpenid(accountId), createdAt }, { role, displayName, ...bound, privacyVersion: PRIVACY_GUIDE_VERSION, consentedAt: createdAt });
    users.push(u);
    return u;
  };

  // Centres and stations.
  const centres: Centre[] = CENTRES.map((c, i) => ({ id: c.id, name: c.name, createdAt: iso(founded + i * DAY) }));
  const stations: Station[] = STATIONS.map((s, i) => ({
    id: `st${pad(i + 1, 2)}`,
    name: s.name,
    centreId: s.centreId,
    address: `重庆市渝中区${rng.pick(s.roads)}${rng.int(1, 260)}号`,
    phone: `023-63${pad(rng.int(0, 999_999), 6)}`,
    latitude: s.latitude,
    longitude: s.longitude,
    chiefOfficerId: null,
    createdAt: iso(founded + (7 + i) * DAY),
    version: 1,
  }));

  // Liaison officers: 5-7 a station (by a damped weight), then one chief per station.
  const perStation = apportion(
    officerTotal,
    STATIONS.map((s) => 1 + (s.weight - 1) * 0.35),
    1,
  );
  const officers: OfficerRecord[] = [];
  const byStation = new Map<string, OfficerRecord[]>(stations.map((s) => [s.id, []]));
  const idWidth = Math.max(3, String(officerTotal + stations.length).length);
  const officerCreated = () => iso(founded + rng.int(14, 120) * DAY + rng.int(0, DAY - 1));
  stations.forEach((station, si) => {
    for (let k = 0; k < perStation[si]; k++) {
      const o: OfficerRecord = {
        id: `of${pad(officers.length + 1, idWidth)}`,
        name: who.name(true),
        stationId: station.id,
        mobile: who.mobile(),
        badgeNo: who.badge(),
        title: rng.chance(0.8) ? '助企警务联络官' : '社区民警',
        isChief: false,
        onLeave: false,
        enterpriseCount: 0,
        userId: null,
        createdAt: officerCreated(),
        version: 1,
      };
      officers.push(o);
      byStation.get(station.id)!.push(o);
    }
  });
  // A couple of officers on leave, in different stations that still have two others working.
  const leaveCandidates = rng
    .shuffle(stations.filter((s) => byStation.get(s.id)!.length >= 3).map((s) => s.id))
    .slice(0, 2)
    .sort();
  for (const sid of leaveCandidates) byStation.get(sid)![byStation.get(sid)!.length - 1].onLeave = true;
  for (const station of stations) {
    const chief: OfficerRecord = {
      id: `of${pad(officers.length + 1, idWidth)}`,
      name: who.name(true),
      stationId: station.id,
      mobile: who.mobile(),
      badgeNo: who.badge(),
      title: '所长',
      isChief: true,
      onLeave: false,
      enterpriseCount: 0,
      userId: null,
      createdAt: officerCreated(),
      version: 1,
    };
    officers.push(chief);
    byStation.get(station.id)!.push(chief);
    station.chiefOfficerId = chief.id;
  }

  // Centre admins.
  const admins: AdminRecord[] = centres.map((c, i) => ({ id: `ad${i + 1}`, name: who.name(true), centreId: c.id, userId: null, createdAt: iso(founded + (1 + i) * DAY), version: 1 }));

  // Enterprises, oldest first, each given to the least-loaded officer of its station as registration does.
  const entCounts = apportion(
    enterpriseTotal,
    STATIONS.map((s) => s.weight),
  );
  const stationSeq = rng.shuffle(stations.flatMap((s, i) => Array.from({ length: entCounts[i] }, () => s)));
  const registeredAt = Array.from({ length: enterpriseTotal }, () => now - 540 * DAY + Math.floor(rng.next() * 539 * DAY)).sort((a, b) => a - b);
  const entWidth = Math.max(4, String(enterpriseTotal).length);
  const names = new Set<string>();
  const codes = new Set<string>();
  const enterprises: Enterprise[] = stationSeq.map((station, i) => {
    const industry = rng.weighted(INDUSTRY_MIX);
    const sector = SECTORS[industry];
    const shop = sector.shop !== undefined && rng.chance(0.12);
    let name: string;
    do name = enterpriseName(rng, sector, shop);
    while (names.has(name));
    names.add(name);
    let code: string;
    do code = creditCode(rng, shop);
    while (codes.has(code));
    codes.add(code);
    const roads = STATIONS[stations.indexOf(station)].roads;
    const officer = pickOfficer(byStation.get(station.id)!)!;
    officer.enterpriseCount += 1;
    const [lo, hi] = shop ? ([1, 12] as const) : sector.staff;
    return {
      id: `en${pad(i + 1, entWidth)}`,
      name,
      creditCode: code,
      industry,
      address: address(rng, roads, shop),
      stationId: station.id,
      officerId: officer.id,
      contactName: who.name(),
      contactMobile: who.mobile(),
      employeeCount: rng.chance(0.03) ? null : rng.chance(0.04) ? rng.logInt(hi, hi * 4) : rng.logInt(lo, hi),
      createdAt: iso(registeredAt[i]),
      version: 1,
    };
  });

  // Users bound to every police account.
  const stationOf = new Map(stations.map((s) => [s.id, s]));
  const centreOf = new Map(centres.map((c) => [c.id, c]));
  const bindAt = (createdAt: string) => iso(Date.parse(createdAt) + rng.int(1, 10) * DAY);
  for (const a of admins) a.userId = user(`centre-${a.centreId}`, 'centre', a.name, bindAt(a.createdAt), { adminId: a.id, centreId: a.centreId }).userId;
  for (const o of officers) {
    const accountId = o.isChief ? `chief-${o.stationId}` : `officer-${o.id}`;
    o.userId = user(accountId, o.isChief ? 'chief' : 'officer', o.name, bindAt(o.createdAt), { officerId: o.id, stationId: o.stationId }).userId;
  }

  // Owners of the oldest few enterprises of each station.
  const entsOf = new Map<string, Enterprise[]>(stations.map((s) => [s.id, []]));
  for (const e of enterprises) entsOf.get(e.stationId)!.push(e);
  const owned = new Set(stations.flatMap((s) => entsOf.get(s.id)!.slice(0, ownersPerStation)).map((e) => e.id));
  const members: EnterpriseMember[] = [];
  for (const e of enterprises) {
    if (!owned.has(e.id)) continue;
    const u = user(`enterprise-${e.id}`, 'enterprise', e.contactName, e.createdAt, { enterpriseId: e.id, memberRole: 'owner' });
    members.push({ userId: u.userId, enterpriseId: e.id, memberRole: 'owner', displayName: e.contactName, joinedAt: e.createdAt });
  }

  // Demo accounts, in picker order.
  const demoAccounts: DemoAccount[] = [];
  for (const a of admins) demoAccounts.push({ accountId: `centre-${a.centreId}`, role: 'centre', label: `${a.name}（中心管理员）`, detail: centreOf.get(a.centreId)!.name });
  const chiefs = officers.filter((o) => o.isChief);
  for (const c of chiefs) {
    const s = stationOf.get(c.stationId)!;
    demoAccounts.push({ accountId: `chief-${s.id}`, role: 'chief', label: `${c.name}（${s.name}${c.title}）`, detail: s.name });
  }
  for (const s of stations) {
    for (const o of byStation
      .get(s.id)!
      .filter((x) => !x.isChief && !x.onLeave)
      .slice(0, 2)) {
      demoAccounts.push({ accountId: `officer-${o.id}`, role: 'officer', label: `${o.name}（${s.name}${o.title}）`, detail: s.name });
    }
  }
  const demoEnterprises: Enterprise[] = [];
  for (let round = 0; round < ownersPerStation && demoEnterprises.length < 15; round++) {
    for (const s of stations) {
      const e = entsOf.get(s.id)![round];
      if (e && demoEnterprises.length < 15) demoEnterprises.push(e);
    }
  }
  demoEnterprises.sort((a, b) => (a.stationId + a.id < b.stationId + b.id ? -1 : 1));
  for (const e of demoEnterprises) {
    demoAccounts.push({ accountId: `enterprise-${e.id}`, role: 'enterprise', label: `${e.contactName}（企业负责人）`, detail: e.name });
  }

  return { centres, stations, officers, admins, enterprises, users, members, demoAccounts };
}

function brand(rng: Rng): string {
  if (rng.chance(0.08)) return rng.pick(OLD_BRANDS);
  const a = rng.pick(BRAND_CHARS);
  let b = rng.pick(BRAND_CHARS);
  while (b === a) b = rng.pick(BRAND_CHARS);
  return a + b;
}

function enterpriseName(rng: Rng, sector: Sector, shop: boolean): string {
  if (shop) return `渝中区${brand(rng)}${rng.pick(sector.shop!)}`;
  const word = rng.pick(sector.words);
  const suffix = rng.chance(sector.incorporated ?? 0.04) ? '股份有限公司' : rng.chance(0.08) ? '有限责任公司' : '有限公司';
  const form = rng.next();
  if (form < 0.55) return `重庆${brand(rng)}${word}${suffix}`;
  if (form < 0.72) return `重庆市${brand(rng)}${word}${suffix}`;
  if (form < 0.9) return `重庆市渝中区${brand(rng)}${word}${suffix}`;
  return `${brand(rng)}（重庆）${word}${suffix}`;
}

/**
 * 统一社会信用代码: 9 (market regulator) + 1 (enterprise) or 2 (个体工商户) + 500103 + a GB 11714 organisation
 * code (newer ones MA… with letters, older ones eight digits, each with its own check character) + check.
 */
function creditCode(rng: Rng, shop: boolean): string {
  const digits = [...CREDIT_CODE_ALPHABET.slice(0, 10)];
  const letters = [...CREDIT_CODE_ALPHABET.slice(10)];
  let first8: string;
  if (!shop && rng.chance(0.35)) {
    first8 = Array.from({ length: 8 }, () => String(rng.int(0, 9))).join('');
  } else {
    first8 = rng.pick(['MA5U', 'MA5U', 'MA60', 'MA61', 'MAAB', 'MACD']) + Array.from({ length: 4 }, () => rng.pick(rng.chance(0.6) ? digits : letters)).join('');
  }
  const first17 = `9${shop ? '2' : '1'}${DIVISION}${first8}${orgCodeCheck(first8)}`;
  return first17 + creditCodeCheckChar(first17);
}

function address(rng: Rng, roads: readonly string[], shop: boolean): string {
  const base = `重庆市渝中区${rng.pick(roads)}${rng.int(1, 399)}号`;
  if (shop) return rng.chance(0.5) ? `${base}附${rng.int(1, 30)}号` : `${base}${rng.int(1, 2)}楼门面`;
  const r = rng.next();
  if (r < 0.4) return `${base}${rng.int(2, 45)}-${rng.int(1, 16)}`;
  if (r < 0.75) return `${base}${rng.pick(BUILDINGS)}${rng.int(2, 58)}楼`;
  if (r < 0.9) return `${base}${rng.pick(['A', 'B', 'C', '1', '2', '3'])}栋${rng.int(2, 30)}楼${rng.int(1, 12)}号`;
  return `${base}附${rng.int(1, 20)}号`;
}
