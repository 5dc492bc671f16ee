import Taro from '@tarojs/taro';
import type { Tile } from '../../components/TileGrid';
import { openPage } from '../../services/navigation';

/** Modules not built yet say so plainly instead of leading to an empty page. */
export function showUnderConstruction(feature: string) {
  void Taro.showModal({ title: '功能建设中', content: `${feature}功能正在建设中，敬请期待。`, showCancel: false, confirmText: '知道了' });
}

/** The enterprise's service entrances. The appeals module (政策咨询 / 矛盾纠纷 / 意见建议) replaces the report page. */
export function enterpriseTiles(): Tile[] {
  return [
    { key: 'policy', glyph: '询', title: '政策咨询', description: '涉企警务政策在线咨询', onTap: () => void openPage('appealReport', { type: 'policy' }) },
    { key: 'booking', glyph: '约', title: '预约办证', description: '证照业务预约办理', onTap: () => showUnderConstruction('预约办证') },
    { key: 'dispute', glyph: '报', title: '矛盾纠纷上报', description: '阻工、劳资等纠纷及时上报', onTap: () => void openPage('appealReport', { type: 'dispute' }) },
    { key: 'suggestion', glyph: '议', title: '意见建议', description: '对警务服务提出意见建议', onTap: () => void openPage('appealReport', { type: 'suggestion' }) },
    { key: 'news', glyph: '讯', title: '助企动态', description: '助企警务政策与资讯', onTap: () => showUnderConstruction('助企动态') },
  ];
}
