/** Who is calling, as established from the session token. */
export type Principal =
  | { role: 'guest'; userId: string }
  | { role: 'enterprise'; userId: string; enterpriseId: string; memberRole: 'owner' | 'staff' }
  | { role: 'officer'; userId: string; officerId: string; stationId: string }
  | { role: 'chief'; userId: string; officerId: string; stationId: string }
  | { role: 'centre'; userId: string; adminId: string; centreId: string };

export type PoliceRole = 'officer' | 'chief' | 'centre';
