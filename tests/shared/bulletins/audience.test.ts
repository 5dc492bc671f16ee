import fc from 'fast-check';
import { addresses, Audience, audienceProblem, canAddressEnterprise } from '../../../shared/bulletins/audience';
import type { Principal } from '../../../shared/domain/principal';

const officer: Principal = { role: 'officer', userId: 'u1', officerId: 'of1', stationId: 'st01' };
const chief: Principal = { role: 'chief', userId: 'u2', officerId: 'of80', stationId: 'st01' };
const centre: Principal = { role: 'centre', userId: 'u3', adminId: 'ad1', centreId: 'c1' };

describe('audience scope', () => {
  it('officer: own station or chosen enterprises of their own', () => {
    expect(audienceProblem(officer, { type: 'stations', stationIds: ['st01'] })).toBeNull();
    expect(audienceProblem(officer, { type: 'enterprises', enterpriseIds: ['en1'] })).toBeNull();
    expect(audienceProblem(officer, { type: 'stations', stationIds: ['st02'] })).not.toBeNull();
    expect(audienceProblem(officer, { type: 'industry', industry: 'finance', stationId: 'st01' })).not.toBeNull();
    expect(canAddressEnterprise(officer, { stationId: 'st01', officerId: 'of2' })).toBe(false);
  });
  it('chief: own station, an industry of it, chosen enterprises of it', () => {
    expect(audienceProblem(chief, { type: 'industry', industry: 'finance', stationId: 'st01' })).toBeNull();
    expect(audienceProblem(chief, { type: 'industry', industry: 'finance' })).not.toBeNull();
    expect(audienceProblem(chief, { type: 'all' })).not.toBeNull();
    expect(canAddressEnterprise(chief, { stationId: 'st01', officerId: 'of2' })).toBe(true);
    expect(canAddressEnterprise(chief, { stationId: 'st02', officerId: 'of2' })).toBe(false);
  });
  it('centre: anything', () => {
    expect(audienceProblem(centre, { type: 'all' })).toBeNull();
    expect(audienceProblem(centre, { type: 'industry', industry: 'finance' })).toBeNull();
  });
  it('an industry within a station addresses exactly the intersection', () => {
    fc.assert(
      fc.property(fc.constantFrom('st01', 'st02'), fc.constantFrom('finance', 'software'), (stationId, industry) => {
        const a = Audience.parse({ type: 'industry', industry: 'finance', stationId: 'st01' });
        expect(addresses(a, { id: 'x', stationId, industry })).toBe(stationId === 'st01' && industry === 'finance');
      }),
    );
  });
  it('validates with Chinese messages and de-duplicates ids', () => {
    expect(Audience.parse({ type: 'enterprises', enterpriseIds: ['a', 'a', 'b'] })).toEqual({ type: 'enterprises', enterpriseIds: ['a', 'b'] });
    const bad = Audience.safeParse({ type: 'industry', industry: 'mining' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/行业/);
  });
});
