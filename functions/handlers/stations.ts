import { stationRoutes } from '../../shared/api/routes/stations';
import { httpHandler } from '../lib/http';
import { listStationEnterprises } from '../services/enterprise-service';
import { createStation, getStationSla, listStationOfficers, listStations, managedStation, setChief, setStationSla, updateStation } from '../services/organisation-service';
import type { SlaPolicy } from '../../shared/appeals/sla';

import { logged } from '../services/access-log-service';
import { maskContact, maskOfficerMobile, maskPage } from '../../shared/domain/masking';

export const handler = httpHandler(stationRoutes, {
  listStations: ({ query }) => listStations(query),
  createStation: ({ body, now }) => createStation(body, now),
  getStation: ({ caller, params }) => managedStation(caller, params.stationId),
  updateStation: ({ caller, params, body }) => updateStation(caller, params.stationId, body),
  setChief: ({ caller, params, body }) => setChief(caller, params.stationId, body.officerId),
  getStationSla: ({ caller, params }) => getStationSla(caller, params.stationId),
  setStationSla: ({ caller, params, body }) => setStationSla(caller, params.stationId, body as SlaPolicy),
  listStationOfficers: async ({ caller, params, query }) => maskPage(await listStationOfficers(caller, params.stationId, query), maskOfficerMobile),
  listStationEnterprises: async ({ caller, params, query, now }) =>
    logged(caller, 'list', stationRoutes.listStationEnterprises, now, await listStationEnterprises(caller, params.stationId, query), (p) => p.items.map((e) => ({ enterpriseId: e.id }))).then((p) =>
      maskPage(p, maskContact),
    ),
});
