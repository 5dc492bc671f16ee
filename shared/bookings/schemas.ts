/**
 * Schemas of 预约办证. Request bodies carry a Chinese message on every field; stored records are checked
 * loosely (they were valid when written). Times a user picks are ISO instants; office hours are Shanghai
 * wall-clock 'HH:mm'; dates are Shanghai calendar dates 'YYYY-MM-DD'.
 */
import { z } from 'zod';
import { Id, IsoDateTime, MobileNumber, TextField } from '../schemas/common';
import { BOOKING_ACTIONS, BOOKING_ACTOR_ROLES, BOOKING_PARTIES, BOOKING_STATUSES, SERVICE_IDS } from './catalogue';

export { parseOrThrow } from '../appeals/schemas';

const BODY_SHAPE = '请求内容格式不正确';
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const YMD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Unambiguous when read aloud or typed: no 0/O, 1/I/L. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 6;

export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const int = (label: string, min: number, max: number, unit = '') =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}至少${min}${unit}`)
    .max(max, `${label}最多${max}${unit}`);

const LocalDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(YMD, `${label}格式应为 YYYY-MM-DD，如 2026-10-10`)
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label}不是有效日期`);
const LocalTime = (label: string) => z.string({ error: `请填写${label}` }).regex(HHMM, `${label}格式应为 HH:mm，如 09:00`);
const SlotStart = z.string({ error: '请选择预约时段' }).datetime({ offset: true, error: '预约时段格式不正确，请重新选择' });

export const ServiceIdField = z.enum(SERVICE_IDS, { error: '请从列表中选择要办理的业务' });

// ---------------------------------------------------------------------------------------------------------
// Reference data and station configuration

export const ServiceDefinition = z
  .object(
    {
      id: ServiceIdField,
      name: TextField('业务名称', 2, 30),
      description: TextField('业务说明', 1, 200),
      materials: z
        .array(TextField('所需材料', 2, 200), { error: '请填写所需材料' })
        .min(1, '至少列出一项所需材料')
        .max(20, '所需材料最多20项'),
      /** What the enterprise prepares when the police come to it (上门集中采集). */
      onSiteMaterials: z
        .array(TextField('上门采集所需材料', 2, 200))
        .max(20, '上门采集所需材料最多20项')
        .optional(),
      durationMinutes: int('办理时长', 5, 240, '分钟'),
      onSiteAllowed: z.boolean({ error: '请选择是否可预约上门办理' }),
      onSiteMinPeople: int('上门办理最少人数', 1, 500, '人').optional(),
      /** More people than this should book 上门 (if allowed) or split into several visits. */
      maxPeoplePerVisit: int('每次到窗口办理人数', 1, 500, '人'),
      /** 绿色通道: shown to both sides and served first at the counter; booking rules are the same. */
      greenChannel: z.boolean({ error: '请选择是否为绿色通道业务' }),
      defaultSeatsPerSlot: int('每个时段可约数', 1, 50, '个'),
    },
    { error: BODY_SHAPE },
  )
  .refine((s) => !s.onSiteAllowed || s.onSiteMinPeople !== undefined, { message: '可上门办理的业务请填写上门办理最少人数', path: ['onSiteMinPeople'] });
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

/** One station's settings of one service. Seats count appointments: a group is served at one window. */
export const StationServiceSettings = z.object(
  {
    enabled: z.boolean({ error: '请选择是否开放预约' }),
    seatsPerSlot: int('每个时段可约数', 1, 50, '个'),
    slotMinutes: int('每个时段时长', 10, 240, '分钟').refine((m) => m % 5 === 0, '每个时段时长应为5分钟的整数倍'),
    notes: z.string({ error: '备注应为文字' }).trim().max(200, '备注最多200个字').optional(),
  },
  { error: BODY_SHAPE },
);
export type StationServiceSettings = z.infer<typeof StationServiceSettings>;

export const OfficeWindow = z.object({ start: LocalTime('开始时间'), end: LocalTime('结束时间') }, { error: '办公时间格式不正确' });
export type OfficeWindow = z.infer<typeof OfficeWindow>;

/** One day's windows, e.g. 09:00–12:00 and 14:00–17:30; empty means closed. Sorted, not overlapping. */
const DayWindows = z
  .array(OfficeWindow, { error: '办公时间格式不正确' })
  .max(4, '每天办公时间最多4段')
  .superRefine((windows, ctx) => {
    let previousEnd = -1;
    for (const w of windows) {
      if (!HHMM.test(w.start) || !HHMM.test(w.end)) return;
      if (minutesOf(w.start) >= minutesOf(w.end) || minutesOf(w.start) < previousEnd) {
        ctx.addIssue({ code: 'custom', message: '办公时间段应按时间先后排列、开始早于结束且互不重叠' });
        return;
      }
      previousEnd = minutesOf(w.end);
    }
  });

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DEFAULT_DAY_HOURS: OfficeWindow[] = [
  { start: '09:00', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

/**
 * When a station takes bookings. Slots exist only on official working days; `hours` per ISO weekday
 * (1 = Monday … 7 = Sunday) gives the windows of that day. Saturday and Sunday hours therefore apply only to
 * 调休 make-up working days, which is why they default to the weekday hours.
 */
export const StationSchedule = z.object(
  {
    hours: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, DayWindows])) as Record<Weekday, typeof DayWindows>, { error: '请设置每周各天的办公时间' }),
    bookingWindowDays: int('可提前预约天数', 1, 60, '天').default(14),
    minNoticeMinutes: int('最少提前预约时间', 0, 7 * 24 * 60, '分钟').default(120),
    changeCutoffMinutes: int('取消或改约截止时间', 0, 7 * 24 * 60, '分钟').default(60),
    maxActivePerEnterpriseService: int('同一业务最多同时预约数', 1, 20, '个').default(2),
  },
  { error: BODY_SHAPE },
);
export type StationSchedule = z.infer<typeof StationSchedule>;

export const DEFAULT_STATION_SCHEDULE: StationSchedule = {
  hours: Object.fromEntries(WEEKDAYS.map((d) => [d, DEFAULT_DAY_HOURS.map((w) => ({ ...w }))])) as Record<Weekday, OfficeWindow[]>,
  bookingWindowDays: 14,
  minNoticeMinutes: 120,
  changeCutoffMinutes: 60,
  maxActivePerEnterpriseService: 2,
};

/**
 * Days or hours when a station takes no bookings (会议、系统维护、停电…): whole days from `startDate` to
 * `endDate` inclusive, or, with `from`/`to`, that time range on each of those days. Without `serviceId` it
 * blocks every service.
 */
export const BlockedPeriod = z
  .object(
    {
      startDate: LocalDate('停约开始日期'),
      endDate: LocalDate('停约结束日期').optional(),
      from: LocalTime('停约开始时间').optional(),
      to: LocalTime('停约结束时间').optional(),
      serviceId: ServiceIdField.optional(),
      reason: TextField('停约原因', 2, 100),
    },
    { error: BODY_SHAPE },
  )
  .superRefine((b, ctx) => {
    if (b.endDate !== undefined && b.endDate < b.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: '停约结束日期不能早于开始日期' });
    }
    if ((b.from === undefined) !== (b.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [b.from === undefined ? 'from' : 'to'], message: '按时段停约请同时填写开始和结束时间，全天停约则都不填' });
    } else if (b.from !== undefined && b.to !== undefined && HHMM.test(b.from) && HHMM.test(b.to) && minutesOf(b.from) >= minutesOf(b.to)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: '停约结束时间应晚于开始时间' });
    }
  });
export type BlockedPeriod = z.infer<typeof BlockedPeriod>;

// ---------------------------------------------------------------------------------------------------------
// Request bodies

export const CreateBookingBody = z
  .object(
    {
      serviceId: ServiceIdField,
      slotStart: SlotStart,
      contactName: TextField('联系人姓名', 2, 20),
      contactMobile: MobileNumber,
      people: z.number({ error: '请填写办理人数' }).int('办理人数应为整数').min(1, '办理人数至少1人').max(500, '办理人数最多500人，人数更多请分批预约'),
      onSite: z.boolean({ error: '请选择到派出所办理还是预约上门办理' }),
      siteAddress: z.string({ error: '上门地址应为文字' }).trim().max(100, '上门地址最多100个字').optional(),
      note: z.string({ error: '备注应为文字' }).trim().max(200, '备注最多200个字').optional(),
    },
    { error: BODY_SHAPE },
  )
  .superRefine((b, ctx) => {
    if (b.onSite && (b.siteAddress ?? '').length < 5) {
      ctx.addIssue({ code: 'custom', path: ['siteAddress'], message: '预约上门办理请填写详细地址（如厂区、楼栋、门牌号），至少5个字' });
    }
  });
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

// Like appeals, every action carries the version the user saw, so a stale button is refused clearly.
const VersionField = z.number({ error: '缺少版本号，请刷新后重试' }).int('版本号格式不正确').min(1, '版本号格式不正确');
const action = <A extends string, S extends z.ZodRawShape>(name: A, shape: S) => z.object({ action: z.literal(name), version: VersionField, ...shape }, { error: BODY_SHAPE });

export const CancelBody = action('cancel', { reason: TextField('取消原因', 2, 200) });
export type CancelBody = z.infer<typeof CancelBody>;

export const RescheduleBody = action('reschedule', { slotStart: SlotStart, reason: TextField('改约原因', 2, 200) });
export type RescheduleBody = z.infer<typeof RescheduleBody>;

export const BookingActionBody = z.discriminatedUnion(
  'action',
  [CancelBody, RescheduleBody, action('arrive', {}), action('complete', { note: z.string({ error: '办理情况应为文字' }).trim().max(200, '办理情况最多200个字').optional() }), action('no_show', {})],
  { error: '不支持的操作' },
);
export type BookingActionBody = z.infer<typeof BookingActionBody>;

// ---------------------------------------------------------------------------------------------------------
// Stored records and views

export const BookingCode = z
  .string({ error: '请填写预约码' })
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`), `预约码应为${BOOKING_CODE_LENGTH}位字母或数字`);

/** A stored booking. Optional fields are absent until the step that sets them has happened. */
export const Booking = z.object({
  id: Id('预约编号'),
  code: BookingCode,
  enterpriseId: z.string(),
  stationId: z.string(),
  serviceId: z.enum(SERVICE_IDS),
  createdBy: z.string(),
  slotStart: IsoDateTime,
  slotEnd: IsoDateTime,
  status: z.enum(BOOKING_STATUSES),
  contactName: z.string(),
  contactMobile: z.string(),
  people: z.number().int().min(1),
  onSite: z.boolean(),
  siteAddress: z.string().optional(),
  note: z.string().optional(),
  greenChannel: z.boolean(),
  rescheduleCount: z.number().int().min(0),
  arrivedAt: IsoDateTime.optional(),
  completedAt: IsoDateTime.optional(),
  completionNote: z.string().optional(),
  noShowAt: IsoDateTime.optional(),
  cancelledAt: IsoDateTime.optional(),
  cancelReason: z.string().optional(),
  cancelledBy: z.enum(BOOKING_PARTIES).optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().min(1),
});
export type Booking = z.infer<typeof Booking>;

export const BookingHistoryEntry = z.object({
  at: IsoDateTime,
  actorId: z.string(),
  actorRole: z.enum(BOOKING_ACTOR_ROLES),
  action: z.enum(['create', ...BOOKING_ACTIONS]),
  /** null for the creation entry. */
  from: z.enum(BOOKING_STATUSES).nullable(),
  to: z.enum(BOOKING_STATUSES),
  reason: z.string().optional(),
  /** For a reschedule: the slot given up and the slot taken. */
  previousSlotStart: IsoDateTime.optional(),
  slotStart: IsoDateTime.optional(),
});
export type BookingHistoryEntry = z.infer<typeof BookingHistoryEntry>;

/** One bookable slot as the app shows it. `start`/`end` are UTC ISO instants; `date` is the Shanghai date. */
export const SlotView = z.object({
  key: z.string(),
  date: z.string(),
  start: IsoDateTime,
  end: IsoDateTime,
  capacity: z.number().int().min(0),
  booked: z.number().int().min(0),
  left: z.number().int().min(0),
});
export type Slot = z.infer<typeof SlotView>;
