/**
 * Cases follow their enterprise (issue 13): when an enterprise gets another liaison officer — reassignment
 * or an officer's hand-over — its open appeals and open rectification items held by the old officer move
 * to the new one, each in its own conditional transaction with an entry in the case's history and a
 * notification to the new officer. Access follows at once: an officer sees an appeal or item only while
 * it names them.
 *
 * The order makes it resumable: cases first, then the enterprise, then the cases once more (an appeal
 * filed meanwhile was routed by the enterprise's old officer). A run cut short leaves the enterprise with
 * its old officer and some cases already moved; running it again moves the rest. Future bookings have no
 * officer (every officer of the station serves them), so nothing of theirs moves.
 */
import type { Principal } from '../../shared/domain/principal';
import { DomainError, VersionConflict } from '../../shared/errors';
import { isOpen } from '../../shared/appeals/catalogue';
import { isOpenRectification } from '../../shared/fieldwork/rules';
import type { Rectification } from '../../shared/fieldwork/schemas';
import { appealRepository } from '../repositories/appeal-repository';
import { fieldworkRepository } from '../repositories/fieldwork-repository';
import type { OfficerRecord } from '../repositories/organisation-repository';
import { actOnAppeal, authorName } from './appeal-service';
import { notify } from './notification-service';

const ATTEMPTS = 5;

export type MovedCases = { appeals: number; rectifications: number };

export async function moveOpenCases(caller: Principal, enterpriseId: string, fromOfficerId: string, to: OfficerRecord, now: Date): Promise<MovedCases> {
  const moved: MovedCases = { appeals: 0, rectifications: 0 };
  const note = `企业联络官变更，诉求随企业移交给${to.name}`;
  for (const summary of await appealRepository.openOfEnterprise(enterpriseId)) {
    if (summary.officerId !== fromOfficerId) continue;
    if (
      await retryOnRace(async () => {
        const before = await appealRepository.get(summary.id);
        // A complaint about police stays with its handler (chief or centre): it never follows the enterprise.
        if (!before || !isOpen(before.status) || before.officerId !== fromOfficerId || before.complaint) return false;
        await actOnAppeal(caller, before.id, { action: 'reassign', version: before.version, targetOfficerId: to.id, note }, now);
        return true;
      })
    )
      moved.appeals++;
  }
  const byName = await authorName(caller);
  for (const listed of await fieldworkRepository.allEnterpriseRectifications(enterpriseId)) {
    if (listed.ownerOfficerId !== fromOfficerId || !isOpenRectification(listed.status)) continue;
    const done = await retryOnRace(async () => {
      const before = await fieldworkRepository.getRectification(listed.id);
      if (!before || before.ownerOfficerId !== fromOfficerId || !isOpenRectification(before.status)) return false;
      const after: Rectification = {
        ...before,
        ownerOfficerId: to.id,
        ownerName: to.name,
        history: [...before.history, { at: now.toISOString(), by: callerId(caller), byName, action: 'reassign', note: `随企业移交给${to.name}` }],
        version: before.version + 1,
      };
      await fieldworkRepository.saveRectification(before, after);
      await notify([`officer:${to.id}`], { event: 'rectification', title: '整改事项已移交给您', body: `${before.enterpriseName}：${before.description}`, link: { kind: 'rectification', id: before.id } }, now);
      return true;
    });
    if (done) moved.rectifications++;
  }
  return moved;
}

const callerId = (p: Principal) => (p.role === 'officer' || p.role === 'chief' ? p.officerId : p.role === 'centre' ? p.adminId : p.userId);

/** A concurrent action on the same case (a 409) is read again and retried; other domain refusals skip it. */
async function retryOnRace(step: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (error instanceof VersionConflict && attempt < ATTEMPTS) continue;
      if (error instanceof DomainError && !(error instanceof VersionConflict)) return false;
      throw error;
    }
  }
}
