import { z } from 'zod';
import { Id, IsoDateTime, MobileNumber } from './common';

/** 助企警务中心 */
export const Centre = z.object({ id: z.string(), name: z.string(), createdAt: IsoDateTime });
export type Centre = z.infer<typeof Centre>;

/** 派出所 */
export const Station = z.object({
  id: z.string(),
  name: z.string(),
  centreId: z.string(),
  address: z.string(),
  phone: z.string(),
  /** Where the station is, in GCJ-02 (火星坐标, what WeChat's openLocation and the Chinese maps expect); unset = no map. */
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  chiefOfficerId: z.string().nullable(),
  /** 回访 policy: the share (0–100) of closed appeals, beyond bad ratings and disputes, called back; unset = 20. */
  followUpSamplePercent: z.number().int().min(0).max(100).optional(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type Station = z.infer<typeof Station>;

/** What anyone (even before registration) may see of a station: enough to choose one's jurisdiction. */
export const StationSummary = Station.pick({ id: true, name: true, centreId: true, address: true, phone: true, latitude: true, longitude: true });
export type StationSummary = z.infer<typeof StationSummary>;
/** The public part of a station (drops the chief, the version and any stored attribute beyond the schema). */
export const toStationSummary = (s: Station): StationSummary => StationSummary.parse(s);

/** GCJ-02 is defined for mainland China only: a point outside its bounding box is a typo or a swapped pair. */
const Latitude = z.number({ error: '纬度应为数字' }).min(18, '纬度应在18到54之间（中国境内）').max(54, '纬度应在18到54之间（中国境内）');
const Longitude = z.number({ error: '经度应为数字' }).min(73, '经度应在73到136之间（中国境内）').max(136, '经度应在73到136之间（中国境内）');

/** A map point needs both halves: one without the other would open the map in the wrong place. */
const bothOrNeither = (v: { latitude?: number; longitude?: number }, ctx: z.RefinementCtx) => {
  if ((v.latitude === undefined) !== (v.longitude === undefined)) {
    ctx.addIssue({ code: 'custom', message: '经度和纬度须同时填写', path: [v.latitude === undefined ? 'latitude' : 'longitude'] });
  }
};

const StationFields = z.object({
  id: Id('派出所编号'),
  name: z.string({ error: '请填写派出所名称' }).trim().min(2, '派出所名称至少2个字').max(30, '派出所名称最多30个字'),
  centreId: Id('所属中心'),
  address: z.string({ error: '请填写地址' }).trim().min(5, '地址至少5个字').max(120, '地址最多120个字'),
  phone: z
    .string({ error: '请填写值班电话' })
    .trim()
    .regex(/^[0-9-]{7,20}$/, '值班电话格式不正确'),
  latitude: Latitude.optional(),
  longitude: Longitude.optional(),
  followUpSamplePercent: z.number({ error: '回访抽样比例应为数字' }).int('回访抽样比例应为整数').min(0, '回访抽样比例应在0到100之间').max(100, '回访抽样比例应在0到100之间').optional(),
});

export const CreateStationBody = StationFields.superRefine(bothOrNeither);
export type CreateStationBody = z.infer<typeof CreateStationBody>;

export const UpdateStationBody = StationFields.pick({ name: true, address: true, phone: true, latitude: true, longitude: true, followUpSamplePercent: true })
  .partial()
  .extend({ version: z.number({ error: '缺少版本号' }).int() })
  .superRefine(bothOrNeither)
  // Only a version would build an empty update: say so instead of failing in the database.
  .refine((v) => v.name !== undefined || v.address !== undefined || v.phone !== undefined || v.latitude !== undefined || v.followUpSamplePercent !== undefined, {
    message: '没有需要保存的修改，请至少修改一项',
    path: ['name'],
  });
export type UpdateStationBody = z.infer<typeof UpdateStationBody>;

/** 助企警务联络官 (a police officer; the chief is the officer holding the station's chief role). */
export const Officer = z.object({
  id: z.string(),
  name: z.string(),
  stationId: z.string(),
  mobile: z.string(),
  badgeNo: z.string(),
  title: z.string(),
  isChief: z.boolean(),
  onLeave: z.boolean(),
  enterpriseCount: z.number().int(),
  bound: z.boolean(),
  /** Left the force (hand-over done): sessions ended, WeChat unbound, never assigned again. */
  deactivatedAt: IsoDateTime.nullable().optional(),
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export type Officer = z.infer<typeof Officer>;

/** What an enterprise sees of its liaison officer. */
export const OfficerCard = Officer.pick({ id: true, name: true, mobile: true, title: true, stationId: true }).extend({
  stationName: z.string(),
  stationPhone: z.string(),
});
export type OfficerCard = z.infer<typeof OfficerCard>;

export const CreateOfficerBody = z.object({
  name: z.string({ error: '请填写姓名' }).trim().min(2, '姓名至少2个字').max(20, '姓名最多20个字'),
  stationId: Id('所属派出所'),
  mobile: MobileNumber,
  badgeNo: z
    .string({ error: '请填写警号' })
    .trim()
    .regex(/^\d{6}$/, '警号应为6位数字'),
  title: z.string().trim().max(20, '职务最多20个字').default('助企警务联络官'),
});
export type CreateOfficerBody = z.infer<typeof CreateOfficerBody>;

export const SetLeaveBody = z.object({
  onLeave: z.boolean({ error: '请说明是否休假' }),
  version: z.number({ error: '缺少版本号' }).int(),
});
export type SetLeaveBody = z.infer<typeof SetLeaveBody>;

export const SetChiefBody = z.object({ officerId: Id('所长') });
export type SetChiefBody = z.infer<typeof SetChiefBody>;

/** Single-use, expiring code that binds a WeChat user to a police account or an enterprise's staff seat. */
export const Invite = z.object({
  code: z.string(),
  kind: z.enum(['officer', 'centre-admin', 'enterprise-staff']),
  targetId: z.string(),
  expiresAt: IsoDateTime,
});
export type Invite = z.infer<typeof Invite>;

export const OfficerCreated = z.object({ officer: Officer, invite: Invite });
