import { BatchGetCommand, DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AttachmentStatus } from '../../shared/evidence/rules';
import type { Attachment } from '../../shared/evidence/schemas';
import { Conflict } from '../../shared/errors';
import { cancelledIndexes, db, isConditionFailure, table } from '../lib/dynamo';
import { strip } from './keys';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * 证据材料 (attachments). Access patterns and keys:
 *   attachment by id                          pk ATT#<id>                 sk ATT
 *   attachment by WeChat's media-check trace  pk MEDIACHECK#<traceId>     sk MEDIACHECK  → attachmentId
 *   an appeal's attachments (its own and its  pk APPEAL#<appealId>        sk A#<attachmentId> → messageId?
 *   messages'), in upload order                 (pointer written when the record is submitted; the
 *                                               attachments themselves are read with one BatchGet)
 *   a user's files (注销)                      the S3 keys under evidence/<userId>/ (ListObjectsV2), then BatchGet
 * The attachment is written when its upload is confirmed (a draft: no record yet) and linked in the
 * transaction that submits its record, conditional on being the submitter's, unlinked and not rejected.
 */
export const attachmentKeys = {
  attachment: (id: string) => ({ pk: `ATT#${id}`, sk: 'ATT' }),
  mediaCheck: (traceId: string) => ({ pk: `MEDIACHECK#${traceId}`, sk: 'MEDIACHECK' }),
  pointer: (appealId: string, attachmentId: string) => ({ pk: `APPEAL#${appealId}`, sk: `A#${attachmentId}` }),
};

/**
 * What a submit attaches uploads to. An appeal's and a message's get a pointer under the appeal; a visit's
 * ids are carried by the visit item itself (written in the same transaction; visits never change), so a page
 * of visits reads its attachments with one BatchGet; a rectification's (整改前/整改后, when it is closed) and a
 * bulletin's one file likewise.
 */
export type LinkTarget =
  | { purpose: 'appeal'; appealId: string }
  | { purpose: 'message'; appealId: string; messageId: string }
  | { purpose: 'visit'; visitId: string; enterpriseId: string }
  | { purpose: 'rectification'; rectificationId: string }
  | { purpose: 'bulletin'; bulletinId: string };

/** The record an attachment is linked to (`recordId`). */
export const recordIdOf = (t: LinkTarget): string => {
  switch (t.purpose) {
    case 'visit':
      return t.visitId;
    case 'rectification':
      return t.rectificationId;
    case 'bulletin':
      return t.bulletinId;
    case 'message':
      return t.messageId;
    default:
      return t.appealId;
  }
};

export const attachmentRepository = {
  /** attachment by id (strongly consistent: a confirm is read right after its write) */
  async get(id: string): Promise<Attachment | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: attachmentKeys.attachment(id), ConsistentRead: true }));
    return out.Item ? strip<Attachment>(out.Item) : null;
  },

  /** attachments by ids, in the order asked (missing ones left out) */
  async getMany(ids: string[]): Promise<Attachment[]> {
    const found = new Map<string, Attachment>();
    for (let i = 0; i < ids.length; i += 100) {
      let request: Record<string, { Keys: Record<string, string>[]; ConsistentRead: boolean }> | undefined = { [table()]: { Keys: ids.slice(i, i + 100).map(attachmentKeys.attachment), ConsistentRead: true } };
      while (request && Object.keys(request).length) {
        const out = await db().send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[table()] ?? []) found.set(item.id as string, strip<Attachment>(item));
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  },

  /**
   * A confirmed upload, with the marker WeChat's callback finds it by. A one-item-or-two transaction, so an
   * idempotent request's key commits with it. False when it was already confirmed.
   */
  async createConfirmed(a: Attachment): Promise<boolean> {
    const items: TransactItem[] = [{ Put: { TableName: table(), Item: { ...attachmentKeys.attachment(a.id), entity: 'attachment', ...a }, ConditionExpression: 'attribute_not_exists(pk)' } }];
    if (a.check?.traceId)
      items.push({ Put: { TableName: table(), Item: { ...attachmentKeys.mediaCheck(a.check.traceId), entity: 'media-check', attachmentId: a.id, ttl: Math.floor(Date.parse(a.createdAt) / 1000) + 7 * 86400 } } });
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (cancelledIndexes(error)?.includes(0)) return false;
      throw error;
    }
  },

  /** attachment id by WeChat's trace id (the media-check callback) */
  async byTraceId(traceId: string): Promise<string | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: attachmentKeys.mediaCheck(traceId), ConsistentRead: true }));
    return (out.Item?.attachmentId as string | undefined) ?? null;
  },

  /**
   * WeChat's verdict: 待审核 → available or rejected, once. False when it already had one. `also`: writes
   * that commit with it (a rejected file leaving its appeal's count); their cancellation is thrown.
   */
  async setVerdict(id: string, status: Exclude<AttachmentStatus, 'uploaded'>, check: NonNullable<Attachment['check']>, also: TransactItem[] = []): Promise<boolean> {
    const update = {
      TableName: table(),
      Key: attachmentKeys.attachment(id),
      UpdateExpression: 'SET #status = :status, #check = :check',
      ConditionExpression: 'attribute_exists(pk) AND #status = :uploaded',
      ExpressionAttributeNames: { '#status': 'status', '#check': 'check' },
      ExpressionAttributeValues: { ':status': status, ':check': check, ':uploaded': 'uploaded' },
    };
    try {
      if (also.length === 0) await db().send(new UpdateCommand(update));
      else await db().send(new TransactWriteCommand({ TransactItems: [{ Update: update }, ...also] }));
      return true;
    } catch (error) {
      if (isConditionFailure(error) || cancelledIndexes(error)?.includes(0)) return false;
      throw error;
    }
  },

  /**
   * The writes that attach confirmed uploads to a submitted record, for the record's own transaction: each
   * attachment must be the submitter's, for this purpose (and conversation, visited enterprise or rectification item), not yet
   * attached, not rejected.
   */
  linkWrites(ids: string[], ownerUserId: string, target: LinkTarget): TransactItem[] {
    const messageId = target.purpose === 'message' ? target.messageId : undefined;
    const scope =
      target.purpose === 'message'
        ? { cond: ' AND appealId = :scope', value: target.appealId }
        : target.purpose === 'visit'
          ? { cond: ' AND enterpriseId = :scope', value: target.enterpriseId }
          : target.purpose === 'rectification'
            ? { cond: ' AND rectificationId = :scope', value: target.rectificationId }
            : null;
    return ids.flatMap((id): TransactItem[] => [
      {
        Update: {
          TableName: table(),
          Key: attachmentKeys.attachment(id),
          UpdateExpression: messageId ? 'SET recordId = :record, messageId = :message' : 'SET recordId = :record',
          ConditionExpression: `attribute_exists(pk) AND ownerUserId = :owner AND purpose = :purpose AND attribute_not_exists(recordId) AND #status <> :rejected${scope?.cond ?? ''}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':record': recordIdOf(target),
            ':owner': ownerUserId,
            ':purpose': target.purpose,
            ':rejected': 'rejected',
            ...(messageId && { ':message': messageId }),
            ...(scope && { ':scope': scope.value }),
          },
        },
      },
      ...(target.purpose === 'appeal' || target.purpose === 'message'
        ? [{ Put: { TableName: table(), Item: { ...attachmentKeys.pointer(target.appealId, id), entity: 'attachment-pointer', attachmentId: id, ...(messageId && { messageId }) } } }]
        : []),
    ]);
  },

  /** an appeal's attachments (its own and its messages'), in upload order */
  async listOfAppeal(appealId: string): Promise<Attachment[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(
        new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)', ExpressionAttributeValues: { ':pk': `APPEAL#${appealId}`, ':a': 'A#' }, ExclusiveStartKey: start }),
      );
      for (const item of out.Items ?? []) ids.push(item.attachmentId as string);
      start = out.LastEvaluatedKey;
    } while (start);
    return this.getMany(ids);
  },

  /**
   * 注销: the user's files on one appeal — their records and pointers — with `also` (the appeal's count moved)
   * in one transaction. A record already gone cancels it (the caller re-reads: it is then not listed).
   */
  async unlinkAndDelete(appealId: string, files: Attachment[], also: TransactItem[]): Promise<void> {
    const deletes = files.flatMap((a): TransactItem[] => [
      { Delete: { TableName: table(), Key: attachmentKeys.attachment(a.id), ConditionExpression: 'attribute_exists(pk)' } },
      { Delete: { TableName: table(), Key: attachmentKeys.pointer(appealId, a.id) } },
    ]);
    await db().send(new TransactWriteCommand({ TransactItems: [...deletes, ...also] }));
  },

  /**
   * 注销: records of files on no appeal (drafts; a visit's never: police upload those), 100 a transaction
   * (a transaction, not BatchWriteItem, so the evidence function that shares this module needs no more rights).
   */
  async deleteRecords(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 100) {
      await db().send(new TransactWriteCommand({ TransactItems: ids.slice(i, i + 100).map((id) => ({ Delete: { TableName: table(), Key: attachmentKeys.attachment(id) } })) }));
    }
  },

  /** A draft the uploader removes before submitting (never one already attached). */
  async deleteDraft(id: string, ownerUserId: string): Promise<void> {
    try {
      await db().send(
        new DeleteCommand({
          TableName: table(),
          Key: attachmentKeys.attachment(id),
          ConditionExpression: 'attribute_exists(pk) AND ownerUserId = :owner AND attribute_not_exists(recordId)',
          ExpressionAttributeValues: { ':owner': ownerUserId },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new Conflict('ATTACHMENT_SUBMITTED', '该附件已随记录提交，不能删除');
      throw error;
    }
  },
};
