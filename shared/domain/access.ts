/**
 * Ownership rules, in one place. Routes declare which roles they admit (shared/api/routes.ts); these
 * functions decide whether this caller may touch this particular record:
 *   enterprise member -> only their enterprise
 *   liaison officer   -> only the enterprises assigned to them, and themselves
 *   station chief     -> only their station
 *   centre admin      -> everything
 * Services call them and answer 404 (not 403) for records the caller may not see, so ids of other
 * tenants' records cannot even be confirmed to exist.
 */
import type { Principal } from './principal';

type EnterpriseRef = { id: string; stationId: string; officerId: string };
type OfficerRef = { id: string; stationId: string };

export function canSeeEnterprise(p: Principal, e: EnterpriseRef): boolean {
  switch (p.role) {
    case 'enterprise':
      return p.enterpriseId === e.id;
    case 'officer':
      return p.officerId === e.officerId;
    case 'chief':
      return p.stationId === e.stationId;
    case 'centre':
      return true;
    default:
      return false;
  }
}

/** Reassigning, handing over, managing officers: the station's chief or the centre. */
export function canManageStation(p: Principal, stationId: string): boolean {
  return (p.role === 'chief' && p.stationId === stationId) || p.role === 'centre';
}

export function canSeeOfficer(p: Principal, o: OfficerRef): boolean {
  if (p.role === 'officer') return p.officerId === o.id;
  return canManageStation(p, o.stationId);
}

export function canInviteEnterpriseStaff(p: Principal, enterpriseId: string): boolean {
  return p.role === 'enterprise' && p.memberRole === 'owner' && p.enterpriseId === enterpriseId;
}

type AppealRef = {
  enterpriseId: string;
  stationId: string;
  officerId: string | null;
  type?: string;
  grade?: number;
  complaint?: { subjectOfficerId: string; handler: 'chief' | 'centre' } | undefined;
};

/**
 * An appeal is seen by its enterprise, the officer it is assigned to, the chief of its station and the
 * centre (which also handles grade-3 disputes). A complaint about police (投诉民警) is never seen by the
 * officer it accuses, whatever their role, and one the centre handles is not the station chief's.
 */
export function canSeeAppeal(p: Principal, a: AppealRef): boolean {
  if (a.complaint && (p.role === 'officer' || p.role === 'chief') && p.officerId === a.complaint.subjectOfficerId) return false;
  switch (p.role) {
    case 'enterprise':
      return p.enterpriseId === a.enterpriseId;
    case 'officer':
      return a.officerId !== null && p.officerId === a.officerId;
    case 'chief':
      if (a.complaint?.handler === 'centre') return false;
      return p.stationId === a.stationId;
    case 'centre':
      return true;
    default:
      return false;
  }
}

type BookingRef = { enterpriseId: string; stationId: string };

/**
 * A booking (预约办证) is seen by its enterprise, every officer and the chief of its station (whoever is at
 * the counter that day serves it), and the centre.
 */
export function canSeeBooking(p: Principal, b: BookingRef): boolean {
  switch (p.role) {
    case 'enterprise':
      return p.enterpriseId === b.enterpriseId;
    case 'officer':
    case 'chief':
      return p.stationId === b.stationId;
    case 'centre':
      return true;
    default:
      return false;
  }
}

type RectificationRef = { ownerOfficerId: string; stationId: string };

/**
 * A rectification item (整改事项) is police-only: its owner, the officer of its enterprise (pass the
 * enterprise when the caller is an officer who is not the owner), the chief of its station, the centre.
 * The enterprise never sees the ledger.
 */
export function canSeeRectification(p: Principal, r: RectificationRef, enterprise: { officerId: string } | null): boolean {
  if (p.role === 'officer') return p.officerId === r.ownerOfficerId || (enterprise !== null && enterprise.officerId === p.officerId);
  if (p.role === 'chief') return p.stationId === r.stationId;
  return p.role === 'centre';
}

type BulletinPublisherRef = { publisher: { role: string; id: string; stationId: string | null } };

/** Who may withdraw a bulletin, see its receipts and remind: its publisher, the chief of the publishing station, the centre. */
export function canManageBulletin(p: Principal, b: BulletinPublisherRef): boolean {
  if (p.role === 'officer') return b.publisher.id === p.officerId;
  if (p.role === 'chief') return b.publisher.role !== 'centre' && b.publisher.stationId === p.stationId;
  return p.role === 'centre';
}
