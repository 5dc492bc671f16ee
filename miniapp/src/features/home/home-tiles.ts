import Taro from '@tarojs/taro';
import type { Tile } from '../../components/TileGrid';
import { openPage } from '../../services/navigation';

/** Modules not built yet say so plainly instead of leading to an empty page. */
export function showUnderConstruction(feature: string) {
  void Taro.showModal({ title: '功能建设中', content: `${feature}功能正在建设中，敬请期待。`, showCancel: false, confirmText: '知道了' });
}

/** The enterprise's service entrances: the four kinds of appeal (诉求), its own appeals, and messages. */
export function enterpriseTiles(): Tile[] {
  return [
    { key: 'policy', glyph: '询', title: '政策咨询', description: '涉企警务政策在线咨询', onTap: () => void openPage('appealReport', { type: 'policy' }) },
    { key: 'dispute', glyph: '报', title: '矛盾纠纷上报', description: '阻工、劳资等纠纷及时上报', onTap: () => void openPage('appealReport', { type: 'dispute' }) },
    { key: 'suggestion', glyph: '议', title: '意见建议', description: '对警务服务提出意见建议', onTap: () => void openPage('appealReport', { type: 'suggestion' }) },
    { key: 'help', glyph: '助', title: '求助', description: '防诈骗、安全隐患、证明开具等', onTap: () => void openPage('appealReport', { type: 'help' }) },
    { key: 'my-appeals', glyph: '办', title: '我的诉求', description: '办理进度、评价办理结果', onTap: () => void openPage('myAppeals') },
    { key: 'notifications', glyph: '信', title: '消息', description: '诉求进展与联络官回复', onTap: () => void openPage('notifications') },
    { key: 'booking', glyph: '约', title: '预约办证', description: '证照业务预约办理', onTap: () => void openPage('booking') },
    { key: 'my-bookings', glyph: '码', title: '我的预约', description: '预约码、取消与改约', onTap: () => void openPage('myBookings') },
    { key: 'news', glyph: '讯', title: '助企动态', description: '助企警务政策与资讯', onTap: () => showUnderConstruction('助企动态') },
  ];
}

/** The liaison officer's entrances. */
export function officerTiles(): Tile[] {
  return [
    { key: 'inbox', glyph: '办', title: '我的待办', description: '按时限排序，超期标红', onTap: () => void openPage('officerInbox') },
    { key: 'notifications', glyph: '信', title: '消息', description: '新诉求、企业留言与评价', onTap: () => void openPage('notifications') },
    { key: 'bookings-today', glyph: '约', title: '今日预约', description: '本所预约办证，登记到场与办结', onTap: () => void openPage('stationBookings') },
  ];
}

/** The chief's and the centre's entrances. */
export function managerTiles(): Tile[] {
  return [
    { key: 'queue', glyph: '队', title: '每日队列', description: '今日新增、到期、超期与评价', onTap: () => void openPage('stationQueue') },
    { key: 'notifications', glyph: '信', title: '消息', description: '上报、差评与待分配提醒', onTap: () => void openPage('notifications') },
    { key: 'bookings-today', glyph: '约', title: '今日预约', description: '本所预约办证，登记到场与办结', onTap: () => void openPage('stationBookings') },
  ];
}
