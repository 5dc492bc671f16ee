/**
 * 预约办证: the centre's service catalogue and the reference lists of the booking loop. Data carries the
 * English ids; the app shows the Chinese labels. A station can switch a service off or change its seats and
 * slot length (StationServiceSettings), but the list of services and what to bring is the centre's, so an
 * enterprise reads the same materials list at every station.
 */
import type { ServiceDefinition, StationServiceSettings } from './schemas';

export const SERVICE_IDS = ['residence', 'household', 'exit-entry', 'hazardous-approval', 'seal-filing', 'consultation'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/** Groups of at least this many workers may ask for 上门集中采集 instead of coming to the counter. */
export const ON_SITE_MIN_PEOPLE = 10;

export const SERVICE_CATALOGUE: readonly ServiceDefinition[] = [
  {
    id: 'residence',
    name: '居住登记/居住证办理',
    description: '外地员工办理居住登记、申领或签注居住证。员工较多的企业可预约民警上门集中采集。',
    materials: [
      '申请人本人居民身份证原件',
      '居住地住址证明：房屋租赁合同，或房屋产权证明复印件；住集体宿舍的由企业出具住宿证明（加盖公章）',
      '就业证明：劳动合同，或企业出具的在职证明（加盖公章）',
      '申领居住证的，须已办理居住登记满半年；照片可在窗口现场采集',
    ],
    onSiteMaterials: [
      '员工花名册（姓名、公民身份号码、手机号码、现居住地址），电子版和加盖公章的纸质版各一份',
      '企业营业执照复印件（加盖公章）',
      '每名员工本人居民身份证原件，采集当天本人到场',
      '一间可供拍照和采集信息的房间，并安排一名联系人协助核对名单',
    ],
    durationMinutes: 20,
    onSiteAllowed: true,
    onSiteMinPeople: ON_SITE_MIN_PEOPLE,
    maxPeoplePerVisit: ON_SITE_MIN_PEOPLE - 1,
    greenChannel: false,
    defaultSeatsPerSlot: 3,
  },
  {
    id: 'household',
    name: '户籍业务',
    description: '企业员工落户（含人才引进、单位集体户口）、户口迁移、开具户籍证明等。',
    materials: [
      '申请人本人居民身份证、居民户口簿（或户口迁移证件）原件',
      '企业营业执照复印件（加盖公章）',
      '劳动合同或企业出具的在职证明（加盖公章）',
      '人才引进落户另需学历（学位）证书，或专业技术职称、职业技能等级证书',
      '落入单位集体户的，需单位集体户口簿或企业出具的同意落户证明',
    ],
    durationMinutes: 30,
    onSiteAllowed: false,
    maxPeoplePerVisit: 5,
    greenChannel: false,
    defaultSeatsPerSlot: 2,
  },
  {
    id: 'exit-entry',
    name: '出入境证件',
    description: '员工因商务办理护照、往来港澳台通行证及签注，外籍员工签证、居留许可咨询受理。',
    materials: [
      '申请人本人居民身份证原件（外籍员工带护照原件）',
      '申请商务签注的：企业营业执照复印件、在职证明或社保缴纳证明（均加盖公章）',
      '国家工作人员另需所在单位或主管部门出具的审批意见',
      '外籍员工办理工作类居留许可的：外国人工作许可证、企业出具的函件',
      '照片和指纹在窗口现场采集，无需自带照片',
    ],
    durationMinutes: 20,
    onSiteAllowed: false,
    maxPeoplePerVisit: 10,
    greenChannel: false,
    defaultSeatsPerSlot: 3,
  },
  {
    id: 'hazardous-approval',
    name: '危险物品/易制毒化学品审批',
    description: '易制毒化学品购买、运输许可或备案，民用爆炸物品、剧毒化学品购买运输审批。开通绿色通道，优先受理。',
    materials: [
      '企业营业执照复印件、法定代表人身份证复印件（加盖公章）',
      '经办人居民身份证原件及企业授权委托书',
      '许可（备案）申请表，写明品种、数量、用途和运输路线',
      '购销合同或购买、使用计划',
      '危险化学品经营（使用）许可证、民用爆炸物品使用许可证等相关资质证明',
      '首次申请的，另带安全管理制度和储存场所情况说明',
    ],
    durationMinutes: 30,
    onSiteAllowed: false,
    maxPeoplePerVisit: 3,
    greenChannel: true,
    defaultSeatsPerSlot: 2,
  },
  {
    id: 'seal-filing',
    name: '公章刻制备案',
    description: '企业新刻、更换或遗失补刻公章、财务章、合同章等印章的备案。',
    materials: [
      '营业执照副本原件及复印件',
      '法定代表人居民身份证复印件',
      '经办人居民身份证原件；经办人不是法定代表人的，另带授权委托书（加盖公章）',
      '更换印章的带原印章；遗失补刻的带遗失声明（登报或在“国家企业信用信息公示系统”公示）',
    ],
    durationMinutes: 20,
    onSiteAllowed: false,
    maxPeoplePerVisit: 3,
    greenChannel: false,
    defaultSeatsPerSlot: 2,
  },
  {
    id: 'consultation',
    name: '其他证照咨询',
    description: '不确定该办哪项业务、需要哪些材料时，可预约民警当面咨询。',
    materials: ['经办人居民身份证原件', '与咨询事项相关的证照、文件或材料（如有）'],
    durationMinutes: 30,
    onSiteAllowed: false,
    maxPeoplePerVisit: 5,
    greenChannel: false,
    defaultSeatsPerSlot: 2,
  },
];

const BY_ID = new Map<string, ServiceDefinition>(SERVICE_CATALOGUE.map((s) => [s.id, s]));

export function serviceById(id: string): ServiceDefinition | undefined {
  return BY_ID.get(id);
}

/** A station that has not configured a service offers it with the centre's defaults. */
export function defaultServiceSettings(service: ServiceDefinition): StationServiceSettings {
  return { enabled: true, seatsPerSlot: service.defaultSeatsPerSlot, slotMinutes: service.durationMinutes };
}

// ---------------------------------------------------------------------------------------------------------

export const BOOKING_STATUSES = ['booked', 'arrived', 'completed', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  arrived: '已到场',
  completed: '已办结',
  no_show: '未到场',
  cancelled: '已取消',
};

export const BOOKING_ACTIONS = ['cancel', 'reschedule', 'arrive', 'complete', 'no_show'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];
export const BOOKING_ACTION_LABELS: Record<BookingAction, string> = {
  cancel: '取消预约',
  reschedule: '改约',
  arrive: '登记到场',
  complete: '登记办结',
  no_show: '登记未到',
};

/** Who acts on a booking. The station side is any police role; which station they belong to is checked by the service. */
export const BOOKING_ACTOR_ROLES = ['enterprise', 'officer', 'chief', 'centre'] as const;
export type BookingActorRole = (typeof BOOKING_ACTOR_ROLES)[number];

/** The two parties of a booking, as recorded in `cancelledBy`. */
export const BOOKING_PARTIES = ['enterprise', 'station'] as const;
export type BookingParty = (typeof BOOKING_PARTIES)[number];

export function partyOf(role: BookingActorRole): BookingParty {
  return role === 'enterprise' ? 'enterprise' : 'station';
}
