import type { AppealType } from '../../../../shared/appeals/catalogue';
import type { IconName } from '../../components/icons';
import type { Tile } from '../../components/TileGrid';
import { openPage } from '../../services/navigation';

/** The kinds of report offered right under 我要反映问题 (政策咨询 starts from the knowledge base, a tile). */
export const REPORT_SHORTCUTS: readonly { type: AppealType; title: string; icon: IconName }[] = [
  { type: 'dispute', title: '矛盾纠纷上报', icon: 'dispute' },
  { type: 'help', title: '求助', icon: 'help' },
  { type: 'suggestion', title: '意见建议', icon: 'suggestion' },
];

/**
 * The enterprise's other services, under 我要反映问题 and the officer card.
 * `unread` is the 消息 badge, `feedUnread` the 助企动态 badge (e.g. '3', '99+'; null for none).
 */
export function enterpriseTiles(unread: string | null = null, feedUnread: string | null = null): Tile[] {
  return [
    { key: 'my-appeals', icon: 'clipboard', title: '我的诉求', description: '办理进度、评价办理结果', onTap: () => void openPage('myAppeals') },
    { key: 'notifications', icon: 'bell', title: '消息', description: '诉求进展与联络官回复', count: unread, onTap: () => void openPage('notifications') },
    { key: 'policy', icon: 'book', title: '政策咨询', description: '先查政策解答，查不到再问联络官', onTap: () => void openPage('knowledgeSearch') },
    { key: 'news', icon: 'megaphone', title: '助企动态', description: '风险预警、助企动态、法治宣教', count: feedUnread, onTap: () => void openPage('bulletinFeed') },
    { key: 'booking', icon: 'calendar', title: '预约办证', description: '证照业务预约办理', onTap: () => void openPage('booking') },
    { key: 'my-bookings', icon: 'qr', title: '我的预约', description: '预约码、取消与改约', onTap: () => void openPage('myBookings') },
  ];
}

/** The liaison officer's entrances. */
export function officerTiles(unread: string | null = null): Tile[] {
  return [
    { key: 'inbox', icon: 'clipboard', title: '我的待办', description: '按时限排序，超期标红', onTap: () => void openPage('officerInbox') },
    { key: 'notifications', icon: 'bell', title: '消息', description: '新诉求、企业留言与评价', count: unread, onTap: () => void openPage('notifications') },
    { key: 'bookings-today', icon: 'calendar', title: '今日预约', description: '本所预约办证，登记到场与办结', onTap: () => void openPage('stationBookings') },
    { key: 'visits', icon: 'pin', title: '走访企业', description: '走访记录，逾期未走访提醒', onTap: () => void openPage('visits') },
    { key: 'rectifications', icon: 'wrench', title: '整改台账', description: '走访发现与差评问题的整改', onTap: () => void openPage('rectifications') },
    { key: 'followups', icon: 'phone', title: '回访', description: '办结诉求的电话或上门回访', onTap: () => void openPage('followUps') },
    { key: 'publish', icon: 'send', title: '发布信息', description: '风险预警、助企动态与阅知情况', onTap: () => void openPage('bulletinManage') },
  ];
}

/**
 * The chief's and the centre's entrances; the centre also keeps the working calendar. The centre has no 所 of
 * its own: its tiles speak of 各所 / 全区 where the chief's speak of 本所.
 */
export function managerTiles(unread: string | null = null, centre = false): Tile[] {
  const own = centre ? '各所' : '本所';
  return [
    { key: 'queue', icon: 'queue', title: '每日队列', description: centre ? '按所查看今日新增、到期与超期' : '今日新增、到期、超期与评价', onTap: () => void openPage('stationQueue') },
    { key: 'notifications', icon: 'bell', title: '消息', description: '上报、差评与待分配提醒', count: unread, onTap: () => void openPage('notifications') },
    { key: 'bookings-today', icon: 'calendar', title: '今日预约', description: `${own}预约办证，登记到场与办结`, onTap: () => void openPage('stationBookings') },
    { key: 'digest', icon: 'sun', title: '每日晨报', description: `工作日 08:30 的${own}待办汇总`, onTap: () => void openPage('digest') },
    { key: 'stats', icon: 'chart', title: '统计分析', description: '按所、按联络官的办理与满意度', onTap: () => void openPage('stats') },
    { key: 'exports', icon: 'export', title: '台账导出', description: '诉求、走访、整改台账与季度报告', onTap: () => void openPage('exports') },
    { key: 'publish', icon: 'send', title: '发布信息', description: '风险预警、助企动态与阅知情况', onTap: () => void openPage('bulletinManage') },
    { key: 'rectifications', icon: 'wrench', title: '整改台账', description: '走访发现与差评问题的整改', onTap: () => void openPage('rectifications') },
    ...(centre ? [] : [{ key: 'followups', icon: 'phone' as const, title: '回访', description: '差评、纠纷与抽样回访，登记满意度', onTap: () => void openPage('followUps') }]),
    { key: 'knowledge', icon: 'book', title: '政策知识库', description: '政策咨询问答维护与审核', onTap: () => void openPage('knowledgeManage') },
    ...(centre ? [{ key: 'calendar', icon: 'calendarCheck' as const, title: '工作日历', description: '录入国务院节假日安排与调休', onTap: () => void openPage('calendar') }] : []),
  ];
}
