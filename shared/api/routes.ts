/**
 * Every HTTP route of the API, declared once: method, path, the roles it admits, the zod schemas of its
 * body, query and response. The Lambdas validate with it, the mini-program's request layer parses with it,
 * OpenAPI is generated from it, and tests walk it (every route x every role x foreign ids).
 */
import { z } from 'zod';
import { DayField, ErrorBody, Ok, PageQuery, pageOf } from '../schemas/common';
import { BindInviteBody, DemoAccounts, DemoLoginBody, Me, RefreshBody, Session, WechatLoginBody } from '../schemas/auth';
import { Enterprise, EnterpriseCreated, EnterpriseFile, EnterpriseFileQuery, EnterpriseMember, HandOverEnterprisesBody, HandOverResult, ReassignEnterpriseBody, RegisterEnterpriseBody } from '../schemas/enterprise';
import { AppealActionBody, CreateAppealBody, MessageBody } from '../appeals/schemas';
import { SlaPolicySchema } from '../appeals/sla';
import { AppealMessage, AppealSummary, AppealView, CentreQueueQuery, EnterpriseAppealsQuery, StationDaySummary, StationQueueQuery, StationWeek } from '../appeals/views';
import { BOOKING_ACTIONS } from '../bookings/catalogue';
import { BlockedPeriod, Booking, BookingActionBody, BookingHistoryEntry, CreateBookingBody, ServiceDefinition, ServiceIdField, SlotView, StationSchedule, StationServiceSettings } from '../bookings/schemas';
import { CreateOfficerBody, CreateStationBody, Invite, Officer, OfficerCreated, SetChiefBody, SetLeaveBody, Station, StationSummary, UpdateStationBody } from '../schemas/organisation';

import { ALL, MANAGERS, POLICE, SEES_ENTERPRISE, r, type RouteGroup, type RouteSpec } from './route-spec';
import { bulletinRoutes } from './routes/bulletins';
import { calendarRoutes } from './routes/calendar';
import { complaintRoutes } from './routes/complaints';
import { accessLogRoutes } from './routes/access-log';
import { sessionRoutes } from './routes/sessions';
import { consoleRoutes } from './routes/console';
import { fieldworkRoutes } from './routes/fieldwork';
import { knowledgeRoutes } from './routes/knowledge';
import { notificationRoutes } from './routes/notifications';
import { reportRoutes } from './routes/reports';

export type { RouteGroup, RouteSpec };

// ---- bookings (预约办证): the request and view shapes only the registry needs ---------------------------

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

export const routes = {
  // meta
  openapi: r({ method: 'GET', path: '/openapi.json', group: 'meta', summary: 'OpenAPI 文档', roles: 'public', response: z.record(z.string(), z.unknown()) }),
  health: r({ method: 'GET', path: '/health', group: 'meta', summary: '健康检查', roles: 'public', response: z.object({ ok: z.literal(true), stage: z.string() }) }),

  // auth
  wechatLogin: r({ method: 'POST', path: '/auth/wechat', group: 'auth', summary: '微信登录（wx.login 的 code 换取会话）', roles: 'public', body: WechatLoginBody, response: Session }),
  refresh: r({ method: 'POST', path: '/auth/refresh', group: 'auth', summary: '刷新会话', roles: 'public', body: RefreshBody, response: Session }),
  demoAccounts: r({ method: 'GET', path: '/auth/demo-accounts', group: 'auth', summary: '演示账号列表（仅开发环境）', roles: 'public', response: DemoAccounts, devOnly: true }),
  demoLogin: r({ method: 'POST', path: '/auth/demo', group: 'auth', summary: '以演示账号登录（仅开发环境）', roles: 'public', body: DemoLoginBody, response: Session, devOnly: true }),
  bindInvite: r({ method: 'POST', path: '/auth/bind', group: 'auth', summary: '用邀请码绑定民警账号或企业员工', roles: ['guest'], body: BindInviteBody, response: Session, idempotent: true }),
  me: r({ method: 'GET', path: '/me', group: 'auth', summary: '当前用户', roles: ALL, response: Me }),

  // stations
  listStations: r({ method: 'GET', path: '/stations', group: 'stations', summary: '派出所列表（注册时选择辖区）', roles: 'public', query: PageQuery, response: pageOf(StationSummary) }),
  createStation: r({ method: 'POST', path: '/stations', group: 'stations', summary: '新建派出所', roles: ['centre'], body: CreateStationBody, response: Station, status: 201, idempotent: true }),
  getStation: r({ method: 'GET', path: '/stations/{stationId}', group: 'stations', summary: '派出所详情', roles: MANAGERS, response: Station }),
  updateStation: r({ method: 'PATCH', path: '/stations/{stationId}', group: 'stations', summary: '修改派出所信息', roles: ['centre'], body: UpdateStationBody, response: Station }),
  setChief: r({ method: 'POST', path: '/stations/{stationId}/chief', group: 'stations', summary: '任命所长', roles: ['centre'], body: SetChiefBody, response: Station, idempotent: true }),
  getStationSla: r({ method: 'GET', path: '/stations/{stationId}/sla', group: 'stations', summary: '本所办理时限设置（未设置时为默认值）', roles: MANAGERS, response: SlaPolicySchema }),
  setStationSla: r({
    method: 'PUT',
    path: '/stations/{stationId}/sla',
    group: 'stations',
    summary: '设置本所办理时限（工作日按国务院节假日安排，含调休）',
    roles: ['centre'],
    body: SlaPolicySchema,
    response: SlaPolicySchema,
  }),
  listStationOfficers: r({ method: 'GET', path: '/stations/{stationId}/officers', group: 'stations', summary: '派出所的联络官', roles: MANAGERS, query: PageQuery, response: pageOf(Officer) }),
  listStationEnterprises: r({ method: 'GET', path: '/stations/{stationId}/enterprises', group: 'stations', summary: '辖区企业', roles: MANAGERS, query: PageQuery, response: pageOf(Enterprise) }),

  // officers
  createOfficer: r({ method: 'POST', path: '/officers', group: 'officers', summary: '新建联络官账号并生成邀请码', roles: MANAGERS, body: CreateOfficerBody, response: OfficerCreated, status: 201, idempotent: true }),
  getOfficer: r({ method: 'GET', path: '/officers/{officerId}', group: 'officers', summary: '联络官详情', roles: POLICE, response: Officer }),
  setOfficerLeave: r({ method: 'POST', path: '/officers/{officerId}/leave', group: 'officers', summary: '标记休假/返岗', roles: MANAGERS, body: SetLeaveBody, response: Officer, idempotent: true }),
  reissueOfficerInvite: r({ method: 'POST', path: '/officers/{officerId}/invite', group: 'officers', summary: '重新生成绑定邀请码', roles: MANAGERS, response: Invite, status: 201, idempotent: true }),
  listOfficerEnterprises: r({ method: 'GET', path: '/officers/{officerId}/enterprises', group: 'officers', summary: '联络官负责的企业', roles: POLICE, query: PageQuery, response: pageOf(Enterprise) }),
  handOverEnterprises: r({
    method: 'POST',
    path: '/officers/{officerId}/hand-over',
    group: 'officers',
    summary: '联络官调离：名下企业全部移交',
    roles: MANAGERS,
    body: HandOverEnterprisesBody,
    response: HandOverResult,
    idempotent: true,
  }),

  // enterprises
  registerEnterprise: r({
    method: 'POST',
    path: '/enterprises',
    group: 'enterprises',
    summary: '企业注册（自动分配联络官）',
    roles: ['guest'],
    body: RegisterEnterpriseBody,
    response: EnterpriseCreated.extend({ session: Session }),
    status: 201,
    idempotent: true,
  }),
  getEnterprise: r({ method: 'GET', path: '/enterprises/{enterpriseId}', group: 'enterprises', summary: '企业信息', roles: SEES_ENTERPRISE, response: Enterprise }),
  getEnterpriseFile: r({
    method: 'GET',
    path: '/enterprises/{enterpriseId}/file',
    group: 'enterprises',
    summary: '一企一档（sections=none 时只含企业、联络官与派出所）',
    roles: SEES_ENTERPRISE,
    query: EnterpriseFileQuery,
    response: EnterpriseFile,
  }),
  reassignEnterprise: r({
    method: 'POST',
    path: '/enterprises/{enterpriseId}/reassign',
    group: 'enterprises',
    summary: '更换联络官',
    roles: MANAGERS,
    body: ReassignEnterpriseBody,
    response: Enterprise,
    idempotent: true,
  }),
  listEnterpriseMembers: r({ method: 'GET', path: '/enterprises/{enterpriseId}/members', group: 'enterprises', summary: '企业成员', roles: SEES_ENTERPRISE, query: PageQuery, response: pageOf(EnterpriseMember) }),
  inviteEnterpriseStaff: r({ method: 'POST', path: '/enterprises/{enterpriseId}/invites', group: 'enterprises', summary: '邀请企业员工', roles: ['enterprise'], response: Invite, status: 201, idempotent: true }),

  // appeals (诉求闭环)
  createAppeal: r({
    method: 'POST',
    path: '/appeals',
    group: 'appeals',
    summary: '提交诉求（政策咨询、矛盾纠纷、意见建议、求助）',
    roles: ['enterprise'],
    body: CreateAppealBody,
    response: AppealView,
    status: 201,
    idempotent: true,
  }),
  getAppeal: r({ method: 'GET', path: '/appeals/{appealId}', group: 'appeals', summary: '诉求详情、办理记录与当前可执行的操作', roles: SEES_ENTERPRISE, response: AppealView }),
  actOnAppeal: r({
    method: 'POST',
    path: '/appeals/{appealId}/actions',
    group: 'appeals',
    summary: '办理操作：受理、转办、办结、评价等（按版本号防并发）',
    roles: SEES_ENTERPRISE,
    body: AppealActionBody,
    response: AppealView,
    idempotent: true,
  }),
  listAppealMessages: r({ method: 'GET', path: '/appeals/{appealId}/messages', group: 'appeals', summary: '诉求留言', roles: SEES_ENTERPRISE, query: PageQuery, response: pageOf(AppealMessage) }),
  postAppealMessage: r({
    method: 'POST',
    path: '/appeals/{appealId}/messages',
    group: 'appeals',
    summary: '发送留言（中心仅限其办理的投诉）',
    roles: ['enterprise', 'officer', 'chief', 'centre'],
    body: MessageBody,
    response: AppealMessage,
    status: 201,
    idempotent: true,
  }),
  listEnterpriseAppeals: r({
    method: 'GET',
    path: '/enterprises/{enterpriseId}/appeals',
    group: 'appeals',
    summary: '企业的诉求（可按办理中/待评价/已完结筛选）',
    roles: SEES_ENTERPRISE,
    query: EnterpriseAppealsQuery,
    response: pageOf(AppealSummary),
  }),
  officerInbox: r({ method: 'GET', path: '/officers/{officerId}/inbox', group: 'appeals', summary: '联络官待办（按时限排序）', roles: POLICE, query: PageQuery, response: pageOf(AppealSummary) }),
  stationQueue: r({ method: 'GET', path: '/stations/{stationId}/queue', group: 'appeals', summary: '所长每日队列', roles: MANAGERS, query: StationQueueQuery, response: pageOf(AppealSummary) }),
  stationQueueSummary: r({ method: 'GET', path: '/stations/{stationId}/queue/summary', group: 'appeals', summary: '所长每日队列计数与评价', roles: MANAGERS, response: StationDaySummary }),
  stationWeek: r({ method: 'GET', path: '/stations/{stationId}/queue/week', group: 'appeals', summary: '近7天新增与办结、按时办结率', roles: MANAGERS, response: StationWeek }),
  centreQueue: r({ method: 'GET', path: '/centre/queue', group: 'appeals', summary: '助企警务中心：全区在办、超期与三级纠纷', roles: ['centre'], query: CentreQueueQuery, response: pageOf(AppealSummary) }),

  // bookings (预约办证)
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

  // notifications, alerts and knowledge (issue 6); field work and reporting (issue 7): one file per module
  ...notificationRoutes,
  ...bulletinRoutes,
  ...knowledgeRoutes,
  ...fieldworkRoutes,
  ...reportRoutes,
  ...calendarRoutes,
  ...complaintRoutes,
  ...accessLogRoutes,
  ...sessionRoutes,
  ...consoleRoutes,
} satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
export type RouteBody<N extends RouteName> = (typeof routes)[N] extends { body: infer B extends z.ZodType } ? z.input<B> : never;
export type RouteResponse<N extends RouteName> = z.output<(typeof routes)[N]['response']>;

/** API Gateway route key, e.g. "POST /enterprises/{enterpriseId}/reassign". */
export const routeKey = (spec: RouteSpec) => `${spec.method} ${spec.path}`;

export const routesOf = (group: RouteGroup) => Object.entries(routes as Record<string, RouteSpec>).filter(([, s]) => s.group === group);

export { ErrorBody, Ok };
