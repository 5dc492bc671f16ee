/**
 * 注销: the member's own uploads go — the objects under their key prefix (`evidence/<userId>/`, drafts never
 * confirmed included), the attachment records and their pointers under each appeal. Files linked to an
 * appeal or a message leave it in one transaction per appeal (up to 40 files each), with the appeal's
 * attachment count moved by as many (conditional on the version read; retried from a fresh read on a race),
 * so a run cut short and run again neither misses a file nor counts one off twice. Objects are deleted last,
 * 1,000 a DeleteObjects request: a record never points at a file already gone.
 */
import { autoCloseDaysOf } from '../../shared/appeals/sla';
import { objectKey } from '../../shared/evidence/rules';
import type { Attachment } from '../../shared/evidence/schemas';
import { cancelledIndexes } from '../lib/dynamo';
import { deleteObjects, listKeys } from '../lib/s3';
import { appealRepository } from '../repositories/appeal-repository';
import { attachmentRepository } from '../repositories/attachment-repository';
import { organisationRepository } from '../repositories/organisation-repository';

/** Files one transaction removes from an appeal: 2 writes each, plus the count's (the appeal and ≤ 17 queue entries). */
const FILES_PER_TRANSACTION = 40;
const ATTEMPTS = 3;

export async function eraseUploadsOf(userId: string): Promise<{ files: number; records: number }> {
  const prefix = objectKey(userId, '');
  const keys = await listKeys(prefix);
  const found = await attachmentRepository.getMany(keys.map((k) => k.slice(prefix.length)));
  const byAppeal = new Map<string, Attachment[]>();
  const loose: Attachment[] = [];
  for (const a of found) {
    const appealId = a.recordId && a.purpose !== 'visit' ? (a.appealId ?? a.recordId) : null;
    if (appealId) byAppeal.set(appealId, [...(byAppeal.get(appealId) ?? []), a]);
    else loose.push(a);
  }
  for (const [appealId, files] of byAppeal) {
    for (let i = 0; i < files.length; i += FILES_PER_TRANSACTION) await leaveAppeal(appealId, files.slice(i, i + FILES_PER_TRANSACTION));
  }
  await attachmentRepository.deleteRecords(loose.map((a) => a.id));
  await deleteObjects(keys);
  return { files: keys.length, records: found.length };
}

async function leaveAppeal(appealId: string, files: Attachment[]): Promise<void> {
  // The count holds the linked files that were not rejected (a late rejection already took its file off).
  const counted = files.filter((a) => a.status !== 'rejected').length;
  for (let attempt = 1; ; attempt++) {
    const appeal = await appealRepository.get(appealId);
    const delta = Math.min(counted, appeal?.attachmentCount ?? 0);
    const countWrites = appeal && delta > 0 ? appealRepository.attachmentCountWrites(appeal, -delta, autoCloseDaysOf(await organisationRepository.requireStation(appeal.stationId))) : [];
    try {
      await attachmentRepository.unlinkAndDelete(appealId, files, countWrites);
      return;
    } catch (error) {
      if (!cancelledIndexes(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
