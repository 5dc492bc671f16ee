/**
 * A station's map point (GCJ-02 latitude/longitude) through the stations function: the centre sets it on
 * create and update, the public list and an enterprise's profile carry it, and a half point is refused.
 */
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as stations } from '../../../functions/handlers/stations';
import { call } from '../../support/http';
import { guest, registration, twoStations, type Side } from '../../support/fixtures';
import { createTestTable } from '../../support/table';

let a: Side;

beforeAll(async () => {
  await createTestTable('stations');
  ({ a } = await twoStations());
});

const body = { id: 'stmap', name: '解放碑派出所', centreId: 'ca', address: '重庆市渝中区民族路101号', phone: '023-63000001' };

test('the centre sets a station’s map point on create and moves it on update; the public list shows it', async () => {
  const created = await call(stations, 'createStation', { token: a.tokens.centre, body: { ...body, latitude: 29.5578, longitude: 106.5772 } });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ latitude: 29.5578, longitude: 106.5772 });

  const moved = await call(stations, 'updateStation', { token: a.tokens.centre, params: { stationId: 'stmap' }, body: { latitude: 29.558, longitude: 106.578, version: created.body.version } });
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ latitude: 29.558, longitude: 106.578, address: body.address, version: created.body.version + 1 });

  const listed = await call(stations, 'listStations', { query: { limit: '50' } });
  expect(listed.body.items.find((s: { id: string }) => s.id === 'stmap')).toEqual({ ...body, latitude: 29.558, longitude: 106.578 });
});

test('half a point, or one outside China, is refused with the field named in Chinese', async () => {
  const half = await call(stations, 'createStation', { token: a.tokens.centre, body: { ...body, id: 'sthalf', latitude: 29.5 } });
  expect(half.status).toBe(400);
  expect(JSON.stringify(half.body)).toContain('经度和纬度须同时填写');
  const swapped = await call(stations, 'updateStation', { token: a.tokens.centre, params: { stationId: a.stationId }, body: { latitude: 106.57, longitude: 29.55, version: 1 } });
  expect(swapped.status).toBe(400);
  expect(JSON.stringify(swapped.body)).toContain('纬度应在18到54之间（中国境内）');
});

test('an enterprise’s profile gives its station without a map point when none was set (the map action is then hidden)', async () => {
  const g = await guest('map-owner');
  const reg = await call(enterprises, 'registerEnterprise', { token: g.token, body: registration(a.stationId, 9901) });
  expect(reg.status).toBe(201);
  expect(JSON.stringify(reg.body)).not.toContain('latitude');
});
