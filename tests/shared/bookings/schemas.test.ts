import type { z } from 'zod';
import { SERVICE_CATALOGUE, SERVICE_IDS, defaultServiceSettings, serviceById } from '../../../shared/bookings/catalogue';
import { generateBookingCode } from '../../../shared/bookings/code';
import {
  BOOKING_CODE_ALPHABET,
  BlockedPeriod,
  Booking,
  BookingActionBody,
  BookingCode,
  CancelBody,
  CreateBookingBody,
  DEFAULT_STATION_SCHEDULE,
  RescheduleBody,
  ServiceDefinition,
  StationSchedule,
  StationServiceSettings,
} from '../../../shared/bookings/schemas';
import { booking } from './fixtures';

const CHINESE = /[\u4e00-\u9fa5]/;
const messages = (schema: z.ZodType, data: unknown) => {
  const r = schema.safeParse(data);
  if (r.success) throw new Error('expected a validation failure');
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the service catalogue', () => {
  it('has the six services, each valid, with materials to bring and Chinese names', () => {
    expect(SERVICE_CATALOGUE.map((s) => s.name)).toEqual(['居住登记/居住证办理', '户籍业务', '出入境证件', '危险物品/易制毒化学品审批', '公章刻制备案', '其他证照咨询']);
    expect(SERVICE_CATALOGUE.map((s) => s.id)).toEqual([...SERVICE_IDS]);
    for (const s of SERVICE_CATALOGUE) {
      expect(ServiceDefinition.parse(s)).toEqual(s);
      expect(s.materials.length).toBeGreaterThan(0);
      expect(StationServiceSettings.parse(defaultServiceSettings(s))).toEqual({ enabled: true, seatsPerSlot: s.defaultSeatsPerSlot, slotMinutes: s.durationMinutes });
    }
  });

  it('offers 上门集中采集 for residence registration only, from 10 workers; the green channel for hazardous goods only', () => {
    expect(SERVICE_CATALOGUE.filter((s) => s.onSiteAllowed).map((s) => [s.id, s.onSiteMinPeople])).toEqual([['residence', 10]]);
    expect(serviceById('residence')?.onSiteMaterials?.some((m) => m.includes('员工花名册'))).toBe(true);
    expect(SERVICE_CATALOGUE.filter((s) => s.greenChannel).map((s) => s.id)).toEqual(['hazardous-approval']);
    expect(serviceById('nope')).toBeUndefined();
  });

  it('requires the minimum people of an on-site service', () => {
    const { onSiteMinPeople: _, ...withoutMin } = serviceById('residence')!;
    expect(messages(ServiceDefinition, withoutMin)).toEqual({ onSiteMinPeople: '可上门办理的业务请填写上门办理最少人数' });
  });
});

describe('station schedule and settings', () => {
  it('fills the defaults: 14 days ahead, 120 minutes notice, 60 minutes cut-off, 2 active bookings', () => {
    const parsed = StationSchedule.parse({ hours: DEFAULT_STATION_SCHEDULE.hours });
    expect(parsed).toEqual(DEFAULT_STATION_SCHEDULE);
    expect(parsed.hours['1']).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ]);
  });

  it('refuses overlapping or reversed windows and bad times, in Chinese', () => {
    const hours = {
      ...DEFAULT_STATION_SCHEDULE.hours,
      2: [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '17:30' },
      ],
      3: [{ start: '9:00', end: '12:00' }],
    };
    expect(messages(StationSchedule, { hours, bookingWindowDays: 0 })).toEqual({
      'hours.2': '办公时间段应按时间先后排列、开始早于结束且互不重叠',
      'hours.3.0.start': '开始时间格式应为 HH:mm，如 09:00',
      bookingWindowDays: '可提前预约天数至少1天',
    });
    expect(messages(StationSchedule, {})).toEqual({ hours: '请设置每周各天的办公时间' });
    expect(messages(StationServiceSettings, { enabled: true, seatsPerSlot: 0, slotMinutes: 22 })).toEqual({
      seatsPerSlot: '每个时段可约数至少1个',
      slotMinutes: '每个时段时长应为5分钟的整数倍',
    });
  });

  it('accepts a whole-day, multi-day or timed block and explains a half-filled or reversed one', () => {
    expect(BlockedPeriod.parse({ startDate: '2026-09-15', reason: '全所集中培训' })).toEqual({ startDate: '2026-09-15', reason: '全所集中培训' });
    expect(BlockedPeriod.safeParse({ startDate: '2026-09-15', endDate: '2026-09-18', from: '14:00', to: '15:00', reason: '系统维护' }).success).toBe(true);
    expect(messages(BlockedPeriod, { startDate: '2026-09-15', from: '14:00', reason: '系统维护' })).toEqual({ to: '按时段停约请同时填写开始和结束时间，全天停约则都不填' });
    expect(messages(BlockedPeriod, { startDate: '2026-09-15', endDate: '2026-09-14', from: '15:00', to: '14:00', reason: '系统维护' })).toEqual({
      endDate: '停约结束日期不能早于开始日期',
      to: '停约结束时间应晚于开始时间',
    });
    expect(messages(BlockedPeriod, { startDate: '2026-02-30' })).toEqual({ startDate: '停约开始日期不是有效日期', reason: '请填写停约原因' });
  });
});

describe('request bodies', () => {
  const valid = { serviceId: 'residence', slotStart: '2026-09-14T09:20:00+08:00', contactName: '王芳', contactMobile: '13800138000', people: 3, onSite: false };

  it('accepts a valid booking and trims text', () => {
    expect(CreateBookingBody.parse({ ...valid, contactName: ' 王芳 ', note: ' 带齐材料 ' })).toMatchObject({ contactName: '王芳', note: '带齐材料' });
  });

  it('says in Chinese what is missing on an empty form', () => {
    const m = messages(CreateBookingBody, {});
    expect(m).toEqual({
      serviceId: '请从列表中选择要办理的业务',
      slotStart: '请选择预约时段',
      contactName: '请填写联系人姓名',
      contactMobile: '请填写手机号码',
      people: '请填写办理人数',
      onSite: '请选择到派出所办理还是预约上门办理',
    });
    expect(messages(CreateBookingBody, null)).toEqual({ '': '请求内容格式不正确' });
  });

  it('checks formats and ranges, and the site address when on-site', () => {
    expect(messages(CreateBookingBody, { ...valid, slotStart: '明天上午', contactMobile: '12345', people: 0, serviceId: 'passport' })).toEqual({
      serviceId: '请从列表中选择要办理的业务',
      slotStart: '预约时段格式不正确，请重新选择',
      contactMobile: '手机号码应为11位中国大陆手机号，如 13800138000',
      people: '办理人数至少1人',
    });
    expect(messages(CreateBookingBody, { ...valid, people: 501 })).toEqual({ people: '办理人数最多500人，人数更多请分批预约' });
    expect(messages(CreateBookingBody, { ...valid, people: 20, onSite: true })).toEqual({ siteAddress: '预约上门办理请填写详细地址（如厂区、楼栋、门牌号），至少5个字' });
  });

  it('requires a reason to cancel and a new slot and reason to reschedule', () => {
    expect(messages(CancelBody, { action: 'cancel', version: 1 })).toEqual({ reason: '请填写取消原因' });
    expect(messages(RescheduleBody, { action: 'reschedule' })).toEqual({ version: '缺少版本号，请刷新后重试', slotStart: '请选择预约时段', reason: '请填写改约原因' });
    expect(messages(BookingActionBody, { action: 'delete', version: 1 })).toEqual({ action: '不支持的操作' });
  });

  it('every message of every schema here is Chinese', () => {
    const cases: Array<[z.ZodType, unknown]> = [
      [CreateBookingBody, { people: 'many', onSite: 'yes', siteAddress: 5, note: 5 }],
      [CancelBody, { action: 'cancel', version: 'x', reason: 'a' }],
      [RescheduleBody, { action: 'reschedule', version: 0, slotStart: 'x', reason: '' }],
      [StationSchedule, { hours: { 1: 'x' }, minNoticeMinutes: -1, changeCutoffMinutes: 1.5, maxActivePerEnterpriseService: 99 }],
      [StationServiceSettings, { enabled: 'y', seatsPerSlot: 'x', slotMinutes: 1000, notes: 3 }],
      [BlockedPeriod, { startDate: 'x', endDate: 3, from: '25:00', to: 'x', serviceId: 'x', reason: 'x' }],
      [ServiceDefinition, { id: 'x', materials: [], durationMinutes: 1, onSiteAllowed: 'x', greenChannel: 1, defaultSeatsPerSlot: 0 }],
      [BookingCode, 'abc'],
    ];
    for (const [schema, data] of cases) {
      const r = schema.safeParse(data);
      expect(r.success).toBe(false);
      for (const issue of r.error!.issues) expect([issue.path.join('.'), issue.message]).toEqual([issue.path.join('.'), expect.stringMatching(CHINESE)]);
    }
  });
});

describe('booking codes and records', () => {
  it('draws six characters from the unambiguous alphabet, deterministically for a given random source', () => {
    const sequence = [0, 0.5, 0.999999, 0.1, 0.25, 0.75];
    let i = 0;
    const code = generateBookingCode(() => sequence[i++]);
    expect(code).toBe('2HZ59S');
    expect(BookingCode.parse(code)).toBe(code);
    for (let n = 0; n < 200; n++) expect(generateBookingCode(Math.random)).toMatch(new RegExp(`^[${BOOKING_CODE_ALPHABET}]{6}$`));
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('refuses a random source outside [0, 1)', () => {
    expect(() => generateBookingCode(() => 1)).toThrow(RangeError);
    expect(() => generateBookingCode(() => Number.NaN)).toThrow(RangeError);
  });

  it('reads a typed code case-insensitively and refuses look-alike characters', () => {
    expect(BookingCode.parse(' k7m2qx ')).toBe('K7M2QX');
    expect(messages(BookingCode, 'K7M2Q0')).toEqual({ '': '预约码应为6位字母或数字' });
  });

  it('the booking fixture is a valid stored record', () => {
    expect(Booking.parse(booking())).toEqual(booking());
    expect(Booking.safeParse(booking({ status: 'lost' as never })).success).toBe(false);
  });
});
