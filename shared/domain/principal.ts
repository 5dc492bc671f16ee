import { Forbidden } from '../errors';

/** Who is calling, as established from the session token. */
export type Principal =
  | { role: 'guest'; userId: string }
  | { role: 'enterprise'; userId: string; enterpriseId: string; memberRole: 'owner' | 'staff' }
  | { role: 'officer'; userId: string; officerId: string; stationId: string }
  | { role: 'chief'; userId: string; officerId: string; stationId: string }
  | { role: 'centre'; userId: string; adminId: string; centreId: string };

export type PoliceRole = 'officer' | 'chief' | 'centre';

/** Who acts in a state machine (appeals, bookings): the police by officer/admin id, enterprises by user. */
export type ActingAs = { id: string; role: 'enterprise' | 'officer' | 'chief' | 'centre' };

export function actingAs(p: Principal): ActingAs {
  switch (p.role) {
    case 'enterprise':
      return { id: p.userId, role: 'enterprise' };
    case 'officer':
    case 'chief':
      return { id: p.officerId, role: p.role };
    case 'centre':
      return { id: p.adminId, role: 'centre' };
    default:
      throw new Forbidden();
  }
}
