import type { Tile } from '../../components/TileGrid';
import { openPage } from '../../services/navigation';

/**
 * The enterprise's service entrances: the four kinds of appeal (诉求), its own appeals, and messages.
 * `unread` is the 消息 badge, `feedUnread` the 助企动态 badge (e.g. '3', '99+'; null for none).
 */
export function enterpriseTiles(unread: string | null = null, feedUnread: string | null = null): Tile[] {
  return [
    { key: 'policy', glyph: '询', title: '政策咨询', description: '先查政策解答，查不到再问联络官', onTap: () => void openPage('knowledgeSearch') },
    { key: 'dispute', glyph: '报', title: '矛盾纠纷上报', description: '阻工、劳资等纠纷及时上报', onTap: () => void openPage('appealReport', { type: 'dispute' }) },
    { key: 'suggestion', glyph: '议', title: '意见建议', description: '对警务服务提出意见建议', onTap: () => void openPage('appealReport', { type: 'suggestion' }) },
    { key: 'help', glyph: '助', title: '求助', description: '防诈骗、安全隐患、证明开具等', onTap: () => void openPage('appealReport', { type: 'help' }) },
    { key: 'my-appeals', glyph: '办', title: '我的诉求', description: '办理进度、评价办理结果', onTap: () => void openPage('myAppeals') },
    { key: 'notifications', glyph: '信', title: '消息', description: '诉求进展与联络官回复', count: unread, onTap: () => void openPage('notifications') },
    { key: 'booking', glyph: '约', title: '预约办证', description: '证照业务预约办理', onTap: () => void openPage('booking') },
    { key: 'my-bookings', glyph: '码', title: '我的预约', description: '预约码、取消与改约', onTap: () => void openPage('myBookings') },
    { key: 'news', glyph: '讯', title: '助企动态', description: '风险预警、助企动态、法治宣教', count: feedUnread, onTap: () => void openPage('bulletinFeed') },
  ];
}

/** The liaison officer's entrances. */
export function officerTiles(unread: string | null = null): Tile[] {
  return [
    { key: 'inbox', glyph: '办', title: '我的待办', description: '按时限排序，超期标红', onTap: () => void openPage('officerInbox') },
    { key: 'notifications', glyph: '信', title: '消息', description: '新诉求、企业留言与评价', count: unread, onTap: () => void openPage('notifications') },
    { key: 'bookings-today', glyph: '约', title: '今日预约', description: '本所预约办证，登记到场与办结', onTap: () => void openPage('stationBookings') },
    { key: 'visits', glyph: '访', title: '走访企业', description: '走访记录，逾期未走访提醒', onTap: () => void openPage('visits') },
    { key: 'rectifications', glyph: '改', title: '整改台账', description: '走访发现与差评问题的整改', onTap: () => void openPage('rectifications') },
    { key: 'publish', glyph: '发', title: '发布信息', description: '风险预警、助企动态与阅知情况', onTap: () => void openPage('bulletinManage') },
  ];
}

/** The chief's and the centre's entrances; the centre also keeps the working calendar. */
export function managerTiles(unread: string | null = null, centre = false): Tile[] {
  return [
    { key: 'queue', glyph: '队', title: '每日队列', description: '今日新增、到期、超期与评价', onTap: () => void openPage('stationQueue') },
    { key: 'notifications', glyph: '信', title: '消息', description: '上报、差评与待分配提醒', count: unread, onTap: () => void openPage('notifications') },
    { key: 'bookings-today', glyph: '约', title: '今日预约', description: '本所预约办证，登记到场与办结', onTap: () => void openPage('stationBookings') },
    { key: 'digest', glyph: '晨', title: '每日晨报', description: '工作日 08:30 的本所待办汇总', onTap: () => void openPage('digest') },
    { key: 'stats', glyph: '统', title: '统计分析', description: '按所、按联络官的办理与满意度', onTap: () => void openPage('stats') },
    { key: 'exports', glyph: '表', title: '台账导出', description: '诉求、走访、整改台账与季度报告', onTap: () => void openPage('exports') },
    { key: 'publish', glyph: '发', title: '发布信息', description: '风险预警、助企动态与阅知情况', onTap: () => void openPage('bulletinManage') },
    { key: 'rectifications', glyph: '改', title: '整改台账', description: '走访发现与差评问题的整改', onTap: () => void openPage('rectifications') },
    { key: 'knowledge', glyph: '库', title: '政策知识库', description: '政策咨询问答维护与审核', onTap: () => void openPage('knowledgeManage') },
    ...(centre ? [{ key: 'calendar', glyph: '历', title: '工作日历', description: '录入国务院节假日安排与调休', onTap: () => void openPage('calendar') }] : []),
  ];
}
