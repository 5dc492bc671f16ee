/** 统计、晨报与台账导出, and an enterprise's export of its own data (GET /me/export). */
import { ExportQuery } from '../../privacy/rights';
import { pageOf, PageQuery } from '../../schemas/common';
import { CentreStats, Digest, ExportFile, LedgerQuery, RiskReportQuery, StationStats, StatsQuery, StatsSeries } from '../../stats/schemas';
import { MANAGERS, r, type GroupRoutes } from '../route-spec';

export const reportRoutes = {
  stationStats: r({ method: 'GET', path: '/stations/{stationId}/stats', group: 'reports', summary: '派出所统计（按周期，含每位民警）', roles: MANAGERS, query: StatsQuery, response: StationStats }),
  stationStatsSeries: r({ method: 'GET', path: '/stations/{stationId}/stats/series', group: 'reports', summary: '派出所每日新增、办结与走访（图表）', roles: MANAGERS, query: StatsQuery, response: StatsSeries }),
  centreStats: r({ method: 'GET', path: '/centre/stats', group: 'reports', summary: '助企警务中心：各派出所统计与全区合计', roles: ['centre'], query: StatsQuery, response: CentreStats }),
  listDigests: r({ method: 'GET', path: '/stations/{stationId}/digests', group: 'reports', summary: '所长每日晨报（最新在前）', roles: MANAGERS, query: PageQuery, response: pageOf(Digest) }),
  getDigest: r({ method: 'GET', path: '/stations/{stationId}/digests/{day}', group: 'reports', summary: '某日晨报', roles: MANAGERS, response: Digest }),
  exportMyData: r({
    method: 'GET',
    path: '/me/export',
    group: 'reports',
    summary: '导出我的数据：本人及所在企业的全部信息（JSON 或 xlsx）',
    roles: ['enterprise'],
    query: ExportQuery,
    response: ExportFile,
  }),
  exportLedger: r({ method: 'GET', path: '/stations/{stationId}/exports/ledger', group: 'reports', summary: '导出本所诉求、走访、整改台账（xlsx，最长93天）', roles: MANAGERS, query: LedgerQuery, response: ExportFile }),
  exportRiskReport: r({
    method: 'GET',
    path: '/stations/{stationId}/exports/risk-report',
    group: 'reports',
    summary: '导出季度“两书一单”（提示书、意见建议书、风险预警单，docx）',
    roles: MANAGERS,
    query: RiskReportQuery,
    response: ExportFile,
  }),
} satisfies GroupRoutes<'reports'>;
