import { reportRoutes } from '../../shared/api/routes/reports';
import { httpHandler } from '../lib/http';
import { centreStats, stationSeries, stationStats } from '../services/stats-service';
import { getDigest, listDigests } from '../services/digest-service';
import { exportLedger, exportRiskReport } from '../services/export-service';
import { exportMyData } from '../services/data-export-service';

export const handler = httpHandler(reportRoutes, {
  stationStats: ({ caller, params, query }) => stationStats(caller, params.stationId, query),
  stationStatsSeries: ({ caller, params, query }) => stationSeries(caller, params.stationId, query),
  centreStats: ({ caller, query }) => centreStats(caller, query),
  listDigests: ({ caller, params, query }) => listDigests(caller, params.stationId, query),
  getDigest: ({ caller, params }) => getDigest(caller, params.stationId, params.day),
  exportMyData: ({ caller, query, now }) => exportMyData(caller, query.format, now),
  exportLedger: ({ caller, params, query }) => exportLedger(caller, params.stationId, query),
  exportRiskReport: ({ caller, params, query, now }) => exportRiskReport(caller, params.stationId, query.quarter, now),
});
