import { httpHandler } from '../lib/http';
import { listStationEnterprises } from '../services/enterprise-service';
import { createStation, listStationOfficers, listStations, managedStation, setChief, updateStation } from '../services/organisation-service';

export const handler = httpHandler({
  listStations: ({ query }) => listStations(query),
  createStation: ({ body, now }) => createStation(body, now),
  getStation: ({ caller, params }) => managedStation(caller, params.stationId),
  updateStation: ({ caller, params, body }) => updateStation(caller, params.stationId, body),
  setChief: ({ caller, params, body }) => setChief(caller, params.stationId, body.officerId),
  listStationOfficers: ({ caller, params, query }) => listStationOfficers(caller, params.stationId, query),
  listStationEnterprises: ({ caller, params, query }) => listStationEnterprises(caller, params.stationId, query),
});
