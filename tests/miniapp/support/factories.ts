/** Small builders of API data for the mini-program tests. */
import type { Me, Session } from '../../../shared/schemas/auth';
import type { Enterprise } from '../../../shared/schemas/enterprise';
import type { Officer, OfficerCard, StationSummary } from '../../../shared/schemas/organisation';
import { creditCodeCheckChar } from '../../../shared/domain/credit-code';

const NOW = '2025-03-01T08:00:00.000Z';

export const validCreditCode = (first17 = '91330100MA2B3C4D5') => first17 + creditCodeCheckChar(first17);

export const aStation = (over: Partial<StationSummary> = {}): StationSummary => ({
  id: 'st-chengguan',
  name: '城关派出所',
  centreId: 'centre-1',
  address: '城关路1号',
  phone: '0571-87000110',
  ...over,
});

export const anEnterprise = (over: Partial<Enterprise> = {}): Enterprise => ({
  id: 'ent-1',
  name: '杭州示例科技有限公司',
  creditCode: validCreditCode(),
  industry: 'software',
  address: '城关路88号',
  stationId: 'st-chengguan',
  officerId: 'off-1',
  contactName: '王经理',
  contactMobile: '13800138000',
  employeeCount: 50,
  createdAt: NOW,
  version: 1,
  ...over,
});

export const anOfficer = (over: Partial<Officer> = {}): Officer => ({
  id: 'off-1',
  name: '李明',
  stationId: 'st-chengguan',
  mobile: '13900139000',
  badgeNo: '012345',
  title: '助企警务联络官',
  isChief: false,
  onLeave: false,
  enterpriseCount: 3,
  bound: true,
  createdAt: NOW,
  version: 1,
  ...over,
});

export const anOfficerCard = (over: Partial<OfficerCard> = {}): OfficerCard => ({
  id: 'off-1',
  name: '李明',
  mobile: '13900139000',
  title: '助企警务联络官',
  stationId: 'st-chengguan',
  stationName: '城关派出所',
  stationPhone: '0571-87000110',
  ...over,
});

export const aMe = (over: Partial<Me> = {}): Me => ({
  userId: 'user-1',
  role: 'enterprise',
  displayName: '王经理',
  memberRole: 'owner',
  enterprise: anEnterprise(),
  officer: null,
  station: null,
  centreId: null,
  ...over,
});

export const aSession = (over: Partial<Session> = {}): Session => ({
  accessToken: 'access-1',
  refreshToken: 'refresh-token-1',
  expiresIn: 3600,
  me: aMe(),
  ...over,
});

/** What Taro.request resolves with. */
export const http = (statusCode: number, data: unknown) => ({ statusCode, data, header: {}, errMsg: 'request:ok' });
