/**
 * 内容安全 for what users write: every text an enterprise or the police write where the other side (or the
 * public) reads it passes WeChat's msgSecCheck before it is stored. Risky text is refused with a calm
 * message naming the field; when WeChat gives no verdict (down, busy, the user's visit record expired) the
 * text is accepted and recorded for a later check (`SECCHECK#PENDING`), never refused. Police-only text
 * (visit notes) is not sent.
 */
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../../shared/domain/principal';
import { ValidationFailed } from '../../shared/errors';
import { checkText, type SecScene } from '../lib/content-security';
import { table } from '../lib/dynamo';
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
