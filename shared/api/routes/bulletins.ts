/** 助企动态、风险预警、法治宣教、政策解读：发布、受众、阅知回执. */
import { PageQuery, pageOf } from '../../schemas/common';
import { BulletinSummary, BulletinView, CreateBulletinBody, FeedEntry, FeedQuery, ReadResult, Receipt, ReceiptQuery, RemindResult, UnreadCounts, WithdrawBulletinBody } from '../../bulletins/schemas';
import { POLICE, SEES_ENTERPRISE, r, type GroupRoutes } from '../route-spec';

const ENTERPRISE = ['enterprise'] as const;

export const bulletinRoutes = {
  createBulletin: r({
    method: 'POST',
    path: '/bulletins',
    group: 'bulletins',
    summary: '发布通知（风险预警、助企动态、法治宣教、政策解读），可定时',
    roles: POLICE,
    body: CreateBulletinBody,
    response: BulletinView,
    status: 201,
    idempotent: true,
  }),
  listManagedBulletins: r({ method: 'GET', path: '/bulletins', group: 'bulletins', summary: '我发布的通知（所长：本所；中心：中心发布），最新在前', roles: POLICE, query: PageQuery, response: pageOf(BulletinSummary) }),
  getBulletin: r({ method: 'GET', path: '/bulletins/{bulletinId}', group: 'bulletins', summary: '通知详情（企业：含本企业阅知时间）', roles: SEES_ENTERPRISE, response: BulletinView }),
  withdrawBulletin: r({
    method: 'POST',
    path: '/bulletins/{bulletinId}/withdraw',
    group: 'bulletins',
    summary: '撤回通知（从企业的消息中移除，停止推送）',
    roles: POLICE,
    body: WithdrawBulletinBody,
    response: BulletinView,
    idempotent: true,
  }),
  listBulletinReceipts: r({ method: 'GET', path: '/bulletins/{bulletinId}/receipts', group: 'bulletins', summary: '阅知情况：已阅知 / 未阅知企业', roles: POLICE, query: ReceiptQuery, response: pageOf(Receipt) }),
  remindBulletinUnread: r({ method: 'POST', path: '/bulletins/{bulletinId}/remind', group: 'bulletins', summary: '提醒未阅知的企业（每条通知24小时内最多一次）', roles: POLICE, response: RemindResult, idempotent: true }),
  readBulletin: r({ method: 'POST', path: '/bulletins/{bulletinId}/read', group: 'bulletins', summary: '企业确认已阅知（风险预警）或标记已读', roles: ENTERPRISE, response: ReadResult }),
  listFeed: r({ method: 'GET', path: '/feed', group: 'bulletins', summary: '本企业收到的通知，最新在前，可按类别筛选', roles: ENTERPRISE, query: FeedQuery, response: pageOf(FeedEntry) }),
  feedUnreadCounts: r({ method: 'GET', path: '/feed/unread', group: 'bulletins', summary: '本企业未读通知数（按类别）', roles: ENTERPRISE, response: UnreadCounts }),
} satisfies GroupRoutes<'bulletins'>;
