import { CreateStationBody, StationSummary, toStationSummary, UpdateStationBody, type Station } from '../../../shared/schemas/organisation';

const body = { id: 'st99', name: '解放碑派出所', centreId: 'c1', address: '重庆市渝中区民族路101号', phone: '023-63000000' };
const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('a station’s map point (GCJ-02 latitude/longitude)', () => {
  test('is optional: a station without one is still valid', () => {
    expect(CreateStationBody.safeParse(body).success).toBe(true);
  });

  test('is accepted when both halves lie in China', () => {
    const parsed = CreateStationBody.parse({ ...body, latitude: 29.5578, longitude: 106.5772 });
    expect(parsed).toMatchObject({ latitude: 29.5578, longitude: 106.5772 });
  });

  test('needs both halves, said in Chinese on the missing one', () => {
    expect(messages(CreateStationBody.safeParse({ ...body, latitude: 29.5 }))).toEqual(['longitude: 经度和纬度须同时填写']);
    expect(messages(CreateStationBody.safeParse({ ...body, longitude: 106.5 }))).toEqual(['latitude: 经度和纬度须同时填写']);
  });

  test('refuses a swapped pair or a point outside China', () => {
    expect(messages(CreateStationBody.safeParse({ ...body, latitude: 106.5772, longitude: 29.5578 }))).toEqual(['latitude: 纬度应在18到54之间（中国境内）', 'longitude: 经度应在73到136之间（中国境内）']);
    expect(messages(CreateStationBody.safeParse({ ...body, latitude: '29.5', longitude: 106.5 }))).toEqual(['latitude: 纬度应为数字']);
  });

  test('can be the only change of an update, and still needs both halves there', () => {
    expect(UpdateStationBody.safeParse({ version: 1, latitude: 29.55, longitude: 106.57 }).success).toBe(true);
    expect(messages(UpdateStationBody.safeParse({ version: 1, latitude: 29.55 }))).toContain('longitude: 经度和纬度须同时填写');
    expect(messages(UpdateStationBody.safeParse({ version: 1 }))).toEqual(['name: 没有需要保存的修改，请至少修改一项']);
  });

  test('reaches the public summary, without the chief or the version', () => {
    const station: Station = { ...body, latitude: 29.5578, longitude: 106.5772, chiefOfficerId: 'of001', createdAt: '2026-01-01T00:00:00.000Z', version: 3 };
    const summary = toStationSummary(station);
    expect(summary).toEqual({ id: 'st99', name: '解放碑派出所', centreId: 'c1', address: body.address, phone: body.phone, latitude: 29.5578, longitude: 106.5772 });
    expect(StationSummary.parse({ ...summary, latitude: undefined, longitude: undefined })).not.toHaveProperty('latitude', expect.anything());
  });
});
