import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { NotFound, VersionConflict } from '../../shared/errors';
import type { Appeal, HistoryEntry } from '../../shared/appeals/schemas';
import { currentDueAt, queueMemberships, type QueueMembership } from '../../shared/appeals/queues';
import type { AppealMessage, AppealSummary } from '../../shared/appeals/views';
import type { Page } from '../../shared/schemas/common';
import { cancelledIndexes, db, queryPage, readAllWithPrefix, table } from '../lib/dynamo';
import { strip } from './keys';
import { statsRepository, type StatsEvent } from './stats-repository';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Appeals (诉求). Access patterns and keys:
 *   appeal by id                         pk APPEAL#<id>   sk APPEAL
 *   its history, oldest first            pk APPEAL#<id>   sk H#<at>#<version>
 *   its messages, oldest first           pk APPEAL#<id>   sk M#<ulid>
 *   every queue (see shared/appeals/queues.ts) is a partition of small entries, sk = <order>:
 *     enterprise's appeals, newest first       ENT#<eid>#APPEALS
 *     ... of one status group                  ENT#<eid>#APPEALS#<open|resolved|done>
 *     officer's inbox by deadline              OFFICER#<oid>#INBOX
 *     station: new on a day                    STATION#<sid>#NEW#<yyyy-mm-dd>
 *     station: open by deadline (due/overdue)  STATION#<sid>#OPEN
 *     station: escalated / unassigned          STATION#<sid>#ESCALATED, STATION#<sid>#UNASSIGNED
 *     station: resolved on a day               STATION#<sid>#RESOLVED#<yyyy-mm-dd>
 *     station: awaiting rating / bad ratings   STATION#<sid>#AWAITING, STATION#<sid>#BAD
 *     centre: open grade-3 disputes            CENTRE#GRADE3
 *     district: open by deadline               DISTRICT#OPEN
 *     scheduler: to escalate when overdue      SLA#WATCH      (open, not escalated, not paused)
 *     scheduler: to close without a rating     SLA#AUTOCLOSE
 *     督察: every complaint about police, newest first; per station; per station still open (by deadline)
 *                                              COMPLAINTS#ALL, COMPLAINTS#STATION#<sid>, COMPLAINTS#STATION#<sid>#OPEN
 * Entries are rewritten in the same transaction as the appeal, so a queue never shows a stale state.
 */
export type AppealRecord = Appeal & { enterpriseName: string; officerName: string | null; stationName: string };

export const appealKeys = {
  appeal: (id: string) => ({ pk: `APPEAL#${id}`, sk: 'APPEAL' }),
  history: (h: HistoryEntry, appealId: string, version: number) => ({ pk: `APPEAL#${appealId}`, sk: `H#${h.at}#${String(version).padStart(6, '0')}` }),
  message: (appealId: string, id: string) => ({ pk: `APPEAL#${appealId}`, sk: `M#${id}` }),
};

export function queuePk(m: QueueMembership): string {
  switch (m.queue) {
    case 'enterprise-all':
      return `ENT#${m.enterpriseId}#APPEALS`;
    case 'enterprise-group':
      return `ENT#${m.enterpriseId}#APPEALS#${m.group}`;
    case 'officer-inbox':
      return `OFFICER#${m.officerId}#INBOX`;
    case 'station-new':
      return `STATION#${m.stationId}#NEW#${m.day}`;
    case 'station-open':
      return `STATION#${m.stationId}#OPEN`;
    case 'station-escalated':
      return `STATION#${m.stationId}#ESCALATED`;
    case 'station-unassigned':
      return `STATION#${m.stationId}#UNASSIGNED`;
    case 'station-resolved':
      return `STATION#${m.stationId}#RESOLVED#${m.day}`;
    case 'station-awaiting-rating':
      return `STATION#${m.stationId}#AWAITING`;
    case 'station-bad':
      return `STATION#${m.stationId}#BAD`;
    case 'centre-grade3':
      return 'CENTRE#GRADE3';
    case 'district-open':
      return 'DISTRICT#OPEN';
    case 'sla-watch':
      return 'SLA#WATCH';
    case 'auto-close':
      return 'SLA#AUTOCLOSE';
    case 'complaints-all':
      return 'COMPLAINTS#ALL';
    case 'complaints-station':
      return `COMPLAINTS#STATION#${m.stationId}`;
    case 'complaints-station-open':
      return `COMPLAINTS#STATION#${m.stationId}#OPEN`;
  }
}

export function summaryOf(a: AppealRecord): AppealSummary {
  return {
    id: a.id,
    title: a.title,
    type: a.type,
    category: a.category,
    urgency: a.urgency,
    ...(a.grade !== undefined && { grade: a.grade }),
    status: a.status,
    enterpriseId: a.enterpriseId,
    enterpriseName: a.enterpriseName,
    stationId: a.stationId,
    officerId: a.officerId,
    officerName: a.officerName,
    createdAt: a.createdAt,
    acceptDueAt: a.acceptDueAt,
    resolveDueAt: a.resolveDueAt,
    dueAt: currentDueAt(a),
    escalated: a.escalated,
    ...(a.resolvedAt && { resolvedAt: a.resolvedAt }),
    ...(a.rating !== undefined && { rating: a.rating }),
    ...(a.ratingComment && { ratingComment: a.ratingComment }),
    rectification: a.rectification,
    ...(a.complaint && { complaint: a.complaint }),
    ...(a.attachmentCount && { attachmentCount: a.attachmentCount }),
  };
}

const entryKey = (m: QueueMembership) => ({ pk: queuePk(m), sk: m.order });
const keyString = (k: { pk: string; sk: string }) => `${k.pk}|${k.sk}`;

/** Puts for every queue the appeal is in now, deletes for those it has left. */
function queueWrites(before: AppealRecord | null, after: AppealRecord, autoCloseDays: number): TransactItem[] {
  const summary = summaryOf(after);
  const next = queueMemberships(after, autoCloseDays).map(entryKey);
  const keep = new Set(next.map(keyString));
  const gone = before
    ? queueMemberships(before, autoCloseDays)
        .map(entryKey)
        .filter((k) => !keep.has(keyString(k)))
    : [];
  return [...next.map((k): TransactItem => ({ Put: { TableName: table(), Item: { ...k, entity: 'appeal-queue', ...summary } } })), ...gone.map((k): TransactItem => ({ Delete: { TableName: table(), Key: k } }))];
}

export const appealItem = (a: AppealRecord) => ({ ...appealKeys.appeal(a.id), entity: 'appeal', ...a });
/** A history entry, keyed by the version its transition produced (the appeal's current one by default). */
export const historyItem = (a: AppealRecord, h: HistoryEntry, version = a.version) => ({ ...appealKeys.history(h, a.id, version), entity: 'appeal-history', appealId: a.id, ...h });

/**
 * A transition's condition: nobody changed the appeal since it was read — its version, and its attachment
 * count, which a message's files move without a new version (a message is not a state change).
 */
function unchangedSince(before: AppealRecord) {
  return before.attachmentCount === undefined
    ? { ConditionExpression: 'version = :v AND attribute_not_exists(attachmentCount)', ExpressionAttributeValues: { ':v': before.version } }
    : { ConditionExpression: 'version = :v AND attachmentCount = :c', ExpressionAttributeValues: { ':v': before.version, ':c': before.attachmentCount } };
}

export type QueueRange = { before?: string; from?: string; to?: string };

export const appealRepository = {
  /** appeal by id (strongly consistent: it is read right before a conditional write) */
  async get(id: string): Promise<AppealRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: appealKeys.appeal(id), ConsistentRead: true }));
    return out.Item ? strip<AppealRecord>(out.Item) : null;
  },

  async require(id: string): Promise<AppealRecord> {
    const a = await this.get(id);
    if (!a) throw new NotFound('诉求', 'APPEAL_NOT_FOUND');
    return a;
  },

  /** A new appeal, its first history entry and its queue entries, together (`also`: e.g. its notification's outbox item). */
  async create(a: AppealRecord, history: HistoryEntry, autoCloseDays: number, also: TransactItem[] = []): Promise<void> {
    await db().send(new TransactWriteCommand({ TransactItems: [...this.createWrites(a, history, autoCloseDays), ...statsRepository.updatesFor({ kind: 'appeal_filed', appeal: a }), ...also] }));
  },

  /**
   * Create, for a caller that may run again after a failure (a visit's 转诉求 appeals, written after the
   * visit): the same appeal (same id) already written is not an error. Returns whether it wrote.
   */
  async createOnce(a: AppealRecord, history: HistoryEntry, autoCloseDays: number): Promise<boolean> {
    try {
      await this.create(a, history, autoCloseDays);
      return true;
    } catch (error) {
      if (cancelledIndexes(error)?.includes(0)) return false;
      throw error;
    }
  },

  /**
   * The writes of a new appeal without its statistics counters, for a transaction that records the appeal
   * together with something else (a visit that files it) and merges all counter updates itself.
   */
  createWrites(a: AppealRecord, history: HistoryEntry, autoCloseDays: number): TransactItem[] {
    return [
      { Put: { TableName: table(), Item: appealItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: historyItem(a, history), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...queueWrites(null, a, autoCloseDays),
    ];
  },

  /**
   * One transition: the appeal is written only if nobody changed it since it was read (version), the
   * history entry is appended, and the queue entries follow — all or nothing. A lost race is a 409.
   */
  /**
   * `statsEvents`: further events of the same transaction (a follow-up task created by the close); their
   * counters are merged with the transition's, since a transaction may not touch one counter item twice.
   */
  async saveTransition(before: AppealRecord, after: AppealRecord, history: HistoryEntry, autoCloseDays: number, also: TransactItem[] = [], statsEvents: StatsEvent[] = []): Promise<void> {
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table(), Item: appealItem(after), ...unchangedSince(before) } },
            { Put: { TableName: table(), Item: historyItem(after, history), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...queueWrites(before, after, autoCloseDays),
            ...statsRepository.updatesForAll([{ kind: 'appeal_changed', before, after, history }, ...statsEvents]),
            ...also,
          ],
        }),
      );
    } catch (error) {
      if (cancelledIndexes(error)) throw new VersionConflict('诉求');
      throw error;
    }
  },

  /**
   * The writes that move an appeal's attachment count by `delta`, for the transaction that links (or drops)
   * the files: the appeal item and every queue entry it is in now (the lists show the count from the
   * entries, reading no file). Conditional on the version read, so a transition committed in between
   * cancels this (the caller re-reads and retries) instead of touching entries the appeal has left; a
   * transition conditions on the count it read in turn (`unchangedSince`), so neither overwrites the other.
   */
  attachmentCountWrites(a: AppealRecord, delta: number, autoCloseDays: number): TransactItem[] {
    const add = { UpdateExpression: 'ADD attachmentCount :d', ExpressionAttributeValues: { ':d': delta } };
    return [
      { Update: { TableName: table(), Key: appealKeys.appeal(a.id), ...add, ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':d': delta, ':v': a.version } } },
      ...queueMemberships(a, autoCloseDays).map((m): TransactItem => ({ Update: { TableName: table(), Key: entryKey(m), ...add, ConditionExpression: 'attribute_exists(pk)' } })),
    ];
  },

  /** an enterprise's open appeals, strongly consistent: read right before they move with the enterprise */
  async openOfEnterprise(enterpriseId: string): Promise<AppealSummary[]> {
    const out: AppealSummary[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ENT#${enterpriseId}#APPEALS#open` }, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      out.push(...(page.Items ?? []).map((i) => strip<AppealSummary>(i)));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  },

  /** history of an appeal, oldest first (a case has tens of entries, read in full) */
  async history(appealId: string): Promise<HistoryEntry[]> {
    const items = await readAllWithPrefix(appealKeys.appeal(appealId).pk, 'H#');
    return items.map((item) => {
      const { appealId: _a, ...entry } = strip<HistoryEntry & { appealId: string }>(item);
      return entry;
    });
  },

  /** messages of an appeal, oldest first */
  listMessages(appealId: string, page: { cursor?: string; limit: number }): Promise<Page<AppealMessage>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)', ExpressionAttributeValues: { ':pk': appealKeys.appeal(appealId).pk, ':m': 'M#' } }, page, (i) => strip<AppealMessage>(i));
  },

  /** one message of an appeal (strongly consistent: read right before a conditional write) */
  async getMessage(appealId: string, id: string): Promise<AppealMessage | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: appealKeys.message(appealId, id), ConsistentRead: true }));
    return out.Item ? strip<AppealMessage>(out.Item) : null;
  },

  /**
   * 内容安全 after the fact: hold fields of the appeal WeChat judged risky (kept, shown only to the author).
   * A state change conditional on the version read, which it moves on, so a transition read before cannot
   * put the item back without the hold.
   */
  holdWrite(a: AppealRecord, fields: string[], now: Date): TransactItem {
    return {
      Update: {
        TableName: table(),
        Key: appealKeys.appeal(a.id),
        UpdateExpression: 'SET heldFields = :f, heldAt = :at, version = :next',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':f': fields, ':at': now.toISOString(), ':v': a.version, ':next': a.version + 1 },
      },
    };
  },

  /** The same for a message's text (messages are never edited: held once). */
  holdMessageWrite(m: AppealMessage, now: Date): TransactItem {
    return {
      Update: {
        TableName: table(),
        Key: appealKeys.message(m.appealId, m.id),
        UpdateExpression: 'SET heldFields = :f, heldAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(heldFields)',
        ExpressionAttributeValues: { ':f': ['text'], ':at': now.toISOString() },
      },
    };
  },

  /** A message of the conversation; with `also` (its notification's outbox item) in one transaction. */
  async addMessage(m: Omit<AppealMessage, 'id'>, now: Date, also: TransactItem[] = [], id = ulid(now.getTime())): Promise<AppealMessage> {
    const message = { ...m, id };
    // Always a transaction, even of one item (2 WCU instead of 1): an idempotent request's key then commits
    // with the message (functions/lib/idempotency.ts), so a retry after a dropped connection never posts it twice.
    const put = { TableName: table(), Item: { ...appealKeys.message(m.appealId, message.id), entity: 'appeal-message', ...message }, ConditionExpression: 'attribute_not_exists(pk)' };
    await db().send(new TransactWriteCommand({ TransactItems: [{ Put: put }, ...also] }));
    return message;
  },

  /**
   * One page of one queue. Deadline queues are oldest deadline first; time queues newest first.
   * `range` narrows by sort key (e.g. overdue = before now; due today = from now to the day's end).
   */
  listQueue(pk: string, page: { cursor?: string; limit: number }, options: { newestFirst?: boolean; range?: QueueRange } = {}): Promise<Page<AppealSummary> & { consumedCapacity?: number }> {
    const { condition, values } = rangeCondition(options.range);
    return queryPage({ KeyConditionExpression: `pk = :pk${condition}`, ExpressionAttributeValues: { ':pk': pk, ...values }, ScanIndexForward: !options.newestFirst }, page, (i) => strip<AppealSummary>(i));
  },

  /** How many entries a queue holds (in a range): a COUNT query, paged through. */
  async countQueue(pk: string, range?: QueueRange): Promise<number> {
    const { condition, values } = rangeCondition(range);
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(new QueryCommand({ TableName: table(), KeyConditionExpression: `pk = :pk${condition}`, ExpressionAttributeValues: { ':pk': pk, ...values }, Select: 'COUNT', ExclusiveStartKey: start }));
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  },
};

function rangeCondition(range?: QueueRange): { condition: string; values: Record<string, string> } {
  if (range?.before) return { condition: ' AND sk < :before', values: { ':before': range.before } };
  if (range?.from && range.to) return { condition: ' AND sk BETWEEN :from AND :to', values: { ':from': range.from, ':to': range.to } };
  return { condition: '', values: {} };
}
