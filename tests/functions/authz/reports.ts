import { handler } from '../../../functions/handlers/reports';
import type { AuthzModule } from './module';

const month = { from: '2026-11-01', to: '2026-11-30' };

export const reportsAuthz: AuthzModule = {
  handlers: { reports: handler },
  cases: {
    stationStats: { params: (i) => ({ stationId: i.stationId }), query: month },
    stationStatsSeries: { params: (i) => ({ stationId: i.stationId }), query: month },
    centreStats: { query: month },
    listDigests: { params: (i) => ({ stationId: i.stationId }) },
    getDigest: { params: (i) => ({ stationId: i.stationId, day: '2026-11-23' }) },
    exportLedger: { params: (i) => ({ stationId: i.stationId }), query: month },
    exportRiskReport: { params: (i) => ({ stationId: i.stationId }), query: { quarter: '2026Q4' } },
  },
};
