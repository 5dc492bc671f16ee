/** The `stations` function:派出所 and what a station keeps (SLA, its officers and enterprises). */
import { SlaPolicySchema } from '../../appeals/sla';
import { PageQuery, pageOf } from '../../schemas/common';
import { Enterprise } from '../../schemas/enterprise';
import { CreateStationBody, Officer, SetChiefBody, Station, StationSummary, UpdateStationBody } from '../../schemas/organisation';
import { MANAGERS, r, type GroupRoutes } from '../route-spec';

export const stationRoutes = {
  listStations: r({ method: 'GET', path: '/stations', group: 'stations', summary: '派出所列表（注册时选择辖区）', roles: 'public', query: PageQuery, response: pageOf(StationSummary) }),
  createStation: r({ method: 'POST', path: '/stations', group: 'stations', summary: '新建派出所', roles: ['centre'], body: CreateStationBody, response: Station, status: 201, idempotent: true }),
  getStation: r({ method: 'GET', path: '/stations/{stationId}', group: 'stations', summary: '派出所详情', roles: MANAGERS, response: Station }),
  updateStation: r({ method: 'PATCH', path: '/stations/{stationId}', group: 'stations', summary: '修改派出所信息', roles: ['centre'], body: UpdateStationBody, response: Station }),
  setChief: r({ method: 'POST', path: '/stations/{stationId}/chief', group: 'stations', summary: '任命所长', roles: ['centre'], body: SetChiefBody, response: Station, idempotent: true }),
  getStationSla: r({ method: 'GET', path: '/stations/{stationId}/sla', group: 'stations', summary: '本所办理时限设置（未设置时为默认值）', roles: MANAGERS, response: SlaPolicySchema }),
  setStationSla: r({
    method: 'PUT',
    path: '/stations/{stationId}/sla',
    group: 'stations',
    summary: '设置本所办理时限（工作日按国务院节假日安排，含调休）',
    roles: ['centre'],
    body: SlaPolicySchema,
    response: SlaPolicySchema,
  }),
  listStationOfficers: r({ method: 'GET', path: '/stations/{stationId}/officers', group: 'stations', summary: '派出所的联络官', roles: MANAGERS, query: PageQuery, response: pageOf(Officer) }),
  listStationEnterprises: r({ method: 'GET', path: '/stations/{stationId}/enterprises', group: 'stations', summary: '辖区企业', roles: MANAGERS, query: PageQuery, response: pageOf(Enterprise) }),
} satisfies GroupRoutes<'stations'>;
