/**
 * 内容安全 for what users write: every text an enterprise or the police write where the other side (or the
 * public) reads it passes WeChat's msgSecCheck before it is stored. Risky text is refused with a calm
 * message naming the field; when WeChat gives no verdict (down, busy, the user's visit record expired) the
 * text is accepted and recorded for a later check (`SECCHECK#PENDING`), never refused. Police-only text
 * (visit notes) is not sent. The scheduler checks the recorded texts again (`recheckPendingTexts`).
 */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/domain/principal';
import { ValidationFailed } from '../../shared/errors';
import { checkText, type SecScene } from '../lib/content-security';
import { recheckGivenUp, SECCHECK_GIVE_UP_DAYS } from '../../shared/evidence/held-text';
import { table } from '../lib/dynamo';
import { logger } from '../lib/logger';
import { appealRepository } from '../repositories/appeal-repository';
import { secCheckRepository, type PendingCheck } from '../repositories/seccheck-repository';
import { userRepository } from '../repositories/user-repository';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export type TextField = { field: string; label: string; text: string | undefined };

/** Refuses risky text; answers the writes that record texts WeChat could not judge (for the record's transaction). */
export async function screenText(caller: Principal, fields: TextField[], scene: SecScene, record: { kind: string; id: string }, now: Date): Promise<TransactItem[]> {
  const user = await userRepository.get(caller.userId);
  const present = fields.filter((f) => f.text && f.text.trim() !== '');
  if (!user?.openid || present.length === 0) return present.length ? [pendingCheck(record, present, now)] : [];
  const verdicts = await Promise.all(present.map((f) => checkText(user.openid, f.text!, scene)));
  const risky = present.filter((_, i) => verdicts[i]?.suggest === 'risky');
  if (risky.length) throw new ValidationFailed(risky.map((f) => ({ field: f.field, message: `${f.label}中有内容未通过微信内容安全检查，请修改后再提交` })));
  const unjudged = present.filter((_, i) => verdicts[i] === null);
  return unjudged.length ? [pendingCheck(record, unjudged, now)] : [];
}

/** A text to check again later: `SECCHECK#PENDING` · `<at>#<kind>#<id>` (the fields by name). */
function pendingCheck(record: { kind: string; id: string }, fields: TextField[], now: Date): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: {
        pk: 'SECCHECK#PENDING',
        sk: `${now.toISOString()}#${record.kind}#${record.id}`,
        entity: 'seccheck-pending',
        recordKind: record.kind,
        recordId: record.id,
        fields: fields.map((f) => f.field),
        at: now.toISOString(),
      },
    },
  };
}

/** Pending texts checked per sweep: each is one msgSecCheck per field, the sweep runs every few minutes. */
export const RECHECK_PAGE = 25;

export type RecheckResult = { passed: number; held: number; waiting: number; unjudged: number; skipped: number };

type Target = { author: string; texts: { field: string; text: string }[]; scene: SecScene; hold: (risky: string[], now: Date) => TransactItem };

/**
 * The record a pending item names, as it is now: who wrote it, its texts, the scene used at filing. Null: the
 * record is gone (erased); undefined: a kind this code does not know (left without a verdict, so given up on).
 */
async function targetOf(item: PendingCheck): Promise<Target | null | undefined> {
  const texts = (record: Record<string, unknown>) => item.fields.flatMap((field) => (typeof record[field] === 'string' && record[field] ? [{ field, text: record[field] as string }] : []));
  if (item.recordKind === 'appeal') {
    const appeal = await appealRepository.get(item.recordId);
    return appeal && { author: appeal.createdBy, texts: texts(appeal), scene: 3, hold: (risky, now) => appealRepository.holdWrite(appeal, risky, now) };
  }
  if (item.recordKind === 'appeal-message') {
    const [appealId, messageId] = item.recordId.split('#');
    const message = appealId && messageId ? await appealRepository.getMessage(appealId, messageId) : null;
    return message && { author: message.authorId, texts: texts(message), scene: 2, hold: (_risky, now) => appealRepository.holdMessageWrite(message, now) };
  }
  logger.warn('seccheck: unknown record kind', { recordKind: item.recordKind, recordId: item.recordId });
  return undefined;
}

/** WeChat's verdict on the record's texts, sent as their author: the risky fields, or null when there is none yet. */
async function judge(target: Target): Promise<{ risky: string[] } | null> {
  const openid = (await userRepository.get(target.author))?.openid;
  if (!openid) return null;
  const verdicts = await Promise.all(target.texts.map((t) => checkText(openid, t.text, target.scene)));
  const risky = target.texts.filter((_, i) => verdicts[i]?.suggest === 'risky').map((t) => t.field);
  // One risky field is enough to hold it; otherwise every field needs a verdict ('review' passes, as at filing).
  return risky.length > 0 || verdicts.every((v) => v !== null) ? { risky } : null;
}

/**
 * The later check of texts WeChat could not judge at filing, oldest first, one bounded page per sweep
 * (Query, never Scan). Each text is sent again as its author with the filing's scene: all pass → the item
 * goes; one risky → the record holds the risky fields and the item goes, in one conditional transaction (a
 * retried sweep finds the item gone and changes nothing); no verdict → the item stays for the next sweep,
 * and after SECCHECK_GIVE_UP_DAYS it moves to `SECCHECK#UNJUDGED` for a person to review.
 */
export async function recheckPendingTexts(now: Date, timeLeft: () => boolean = () => true): Promise<RecheckResult> {
  const result: RecheckResult = { passed: 0, held: 0, waiting: 0, unjudged: 0, skipped: 0 };
  for (const item of await secCheckRepository.listPending(RECHECK_PAGE)) {
    if (!timeLeft()) break;
    try {
      const target = await targetOf(item);
      // A record gone (erased) has nothing left to check.
      const verdict = target === undefined ? null : target === null ? { risky: [] } : await judge(target);
      if (target && verdict && verdict.risky.length > 0) {
        if (await secCheckRepository.hold(item, target.hold(verdict.risky, now))) {
          result.held++;
          logger.info('seccheck: text held', { recordKind: item.recordKind, recordId: item.recordId, fields: verdict.risky });
        } else result.skipped++; // done by an earlier run, or the record moved on: the next sweep reads it again
      } else if (verdict) {
        await secCheckRepository.clear(item);
        result.passed++;
      } else if (!recheckGivenUp(item.at, now)) {
        result.waiting++;
      } else if (await secCheckRepository.giveUp(item, now)) {
        result.unjudged++;
        logger.warn(`seccheck: no verdict in ${SECCHECK_GIVE_UP_DAYS} days, left for review (SECCHECK#UNJUDGED)`, { recordKind: item.recordKind, recordId: item.recordId, since: item.at });
      }
    } catch (error) {
      result.skipped++; // logged; the item stays for the next sweep
      logger.error('seccheck: recheck failed', { recordKind: item.recordKind, recordId: item.recordId, error: error as Error });
    }
  }
  return result;
}
