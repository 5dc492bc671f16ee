/** The `bookings` function (预约办证): services, schedules and closures, slots, bookings; and the shapes only the routes need. */
import { z } from 'zod';
import { BOOKING_ACTIONS } from '../../bookings/catalogue';
import { BlockedPeriod, Booking, BookingActionBody, BookingHistoryEntry, CreateBookingBody, ServiceDefinition, ServiceIdField, SlotView, StationSchedule, StationServiceSettings } from '../../bookings/schemas';
import { DayField, PageQuery, pageOf } from '../../schemas/common';
import { MANAGERS, POLICE, SEES_ENTERPRISE, r, type GroupRoutes } from '../route-spec';

/** The schedule a station keeps, with its planned closures (会议、系统维护…). */
export const StationBookingSchedule = StationSchedule.extend({ blocked: z.array(BlockedPeriod).max(100, '停约安排最多100条').default([]) });
export const BookingServicesView = z.object({
  stationId: z.string(),
  services: z.array(z.object({ service: ServiceDefinition, settings: StationServiceSettings })),
  schedule: StationSchedule,
});
export const BookingSlotsQuery = z.object({
  from: DayField('开始日期').optional(),
  days: z.coerce.number({ error: '天数应为数字' }).int('天数应为整数').min(1, '至少查询1天').max(60, '最多查询60天').optional(),
});
export const BookingRecord = Booking.extend({ enterpriseName: z.string(), stationName: z.string() });
export const BookingView = z.object({
  booking: BookingRecord,
  serviceName: z.string(),
  history: z.array(BookingHistoryEntry),
  allowedActions: z.array(z.enum(BOOKING_ACTIONS)),
  /** The last moment the enterprise may cancel or reschedule. */
  changeDeadline: z.string(),
});
export const StationBookingsQuery = PageQuery.extend({ date: DayField('日期') });
const closureReason = z.string({ error: '请填写停约原因' }).trim().min(2, '停约原因至少2个字').max(100, '停约原因最多100个字');
export const CloseSlotBody = z.object({ serviceId: ServiceIdField, slotStart: z.string({ error: '请选择时段' }).datetime({ offset: true, error: '时段格式不正确' }), reason: closureReason });
export const CloseDayBody = z.object({ date: DayField('停约日期'), reason: closureReason });
export const ClosureResult = z.object({ closed: z.literal(true), cancelled: z.number().int(), skipped: z.number().int() });

export const bookingRoutes = {
  listBookingServices: r({ method: 'GET', path: '/stations/{stationId}/booking-services', group: 'bookings', summary: '派出所可预约的业务、所需材料与预约规则', roles: SEES_ENTERPRISE, response: BookingServicesView }),
  setBookingService: r({
    method: 'PUT',
    path: '/stations/{stationId}/booking-services/{serviceId}',
    group: 'bookings',
    summary: '设置本所某项业务：是否开放、每时段可约数、时段时长',
    roles: MANAGERS,
    body: StationServiceSettings,
    response: StationServiceSettings,
  }),
  getBookingSchedule: r({ method: 'GET', path: '/stations/{stationId}/booking-schedule', group: 'bookings', summary: '本所预约办公时间与停约安排（未设置时为默认值）', roles: MANAGERS, response: StationBookingSchedule }),
  setBookingSchedule: r({
    method: 'PUT',
    path: '/stations/{stationId}/booking-schedule',
    group: 'bookings',
    summary: '设置本所预约办公时间与停约安排',
    roles: MANAGERS,
    body: StationBookingSchedule,
    response: StationBookingSchedule,
  }),
  listBookingSlots: r({
    method: 'GET',
    path: '/stations/{stationId}/booking-services/{serviceId}/slots',
    group: 'bookings',
    summary: '可预约时段与剩余名额（按国务院节假日安排，含调休）',
    roles: SEES_ENTERPRISE,
    query: BookingSlotsQuery,
    response: z.object({ items: z.array(SlotView) }),
  }),
  createBooking: r({
    method: 'POST',
    path: '/bookings',
    group: 'bookings',
    summary: '预约办证（名额在写入时校验，不会超约）',
    roles: ['enterprise'],
    body: CreateBookingBody,
    response: BookingView,
    status: 201,
    idempotent: true,
    personalData: true,
  }),
  listMyBookings: r({ method: 'GET', path: '/bookings', group: 'bookings', summary: '本企业的预约（最新在前）', roles: ['enterprise'], query: PageQuery, response: pageOf(BookingRecord) }),
  getBooking: r({ method: 'GET', path: '/bookings/{bookingId}', group: 'bookings', summary: '预约详情、记录与当前可执行的操作', roles: SEES_ENTERPRISE, response: BookingView }),
  actOnBooking: r({
    method: 'POST',
    path: '/bookings/{bookingId}/actions',
    group: 'bookings',
    summary: '取消、改约、登记到场/办结/未到（按版本号防并发）',
    roles: SEES_ENTERPRISE,
    body: BookingActionBody,
    response: BookingView,
    idempotent: true,
    personalData: true,
  }),
  listStationBookings: r({
    method: 'GET',
    path: '/stations/{stationId}/bookings',
    group: 'bookings',
    summary: '本所某日的预约（按时间排序）',
    roles: POLICE,
    query: StationBookingsQuery,
    response: pageOf(BookingRecord),
  }),
  closeBookingSlot: r({
    method: 'POST',
    path: '/stations/{stationId}/booking-closures/slot',
    group: 'bookings',
    summary: '临时停约一个时段：取消该时段的预约并通知企业',
    roles: MANAGERS,
    body: CloseSlotBody,
    response: ClosureResult,
    idempotent: true,
  }),
  closeBookingDay: r({
    method: 'POST',
    path: '/stations/{stationId}/booking-closures/day',
    group: 'bookings',
    summary: '临时停约一天：取消当天全部预约并通知企业',
    roles: MANAGERS,
    body: CloseDayBody,
    response: ClosureResult,
    idempotent: true,
  }),
} satisfies GroupRoutes<'bookings'>;
