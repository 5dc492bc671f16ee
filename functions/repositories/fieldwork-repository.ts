import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound, VersionConflict } from '../../shared/errors';
import type { Enterprise } from '../../shared/schemas/enterprise';
import type { Page } from '../../shared/schemas/common';
import type { Rectification, ServicePlan, Visit, VisitPolicy } from '../../shared/fieldwork/schemas';
import { DEFAULT_VISIT_INTERVAL_DAYS, isOpenRectification, shanghaiDay } from '../../shared/fieldwork/rules';
import { cancelledIndexes, collectAll, db, queryPage, table } from '../lib/dynamo';
import { strip } from './keys';
import { aggregateDeltas } from '../../shared/stats/counters';
import { counterUpdate, statsRepository, type TransactItem } from './stats-repository';

/**
 * Field work (走访、一企一策、整改台账). Access patterns and keys:
 *   visit by id                                  pk VISIT#<id>        sk VISIT
 *   an enterprise's visits, newest first         gsi1 ENT#<eid>#VISITS          / <day>#<id>
 *   an officer's visits by date                  gsi2 OFFICER#<oid>#VISITS      / <day>#<id>
 *   a station's visits by date (stats, digest)   gsi3 STATION#<sid>#VISITS      / <day>#<id>
 *   an enterprise's contact state (last visit)   pk ENT#<eid>         sk CONTACT
 *     officer's enterprises, longest unvisited first (due list)
 *                                                gsi1 OFFICER#<oid>#VISITDUE    / <baselineDay>#<eid>
 *     station's enterprises, the same            gsi2 STATION#<sid>#VISITDUE    / <baselineDay>#<eid>
 *     (baselineDay = last visit day, or the registration day while never visited; an enterprise is due on
 *      `day` when baselineDay ≤ day − interval, so changing the interval needs no rewrite)
 *   a station's contact rule                     pk STATION#<sid>     sk VISITPOLICY
 *   rectification by id                          pk RECT#<id>         sk RECT
 *   a station's ledger by status, then deadline  gsi1 STATION#<sid>#RECTS       / <status>#<deadline>#<id>
 *   a station's items by opened day              gsi2 STATION#<sid>#RECTS#OPENED / <openedDay>#<id>
 *   an owner officer's items by status, deadline gsi3 OFFICER#<oid>#RECTS       / <status>#<deadline>#<id>
 *   an enterprise's items, newest first          pk ENT#<eid>#RECTS   sk <id>   (a copy, rewritten with the item)
 *   an enterprise's service plan (一企一策)       pk ENT#<eid>         sk PLAN
 *   one item per badly rated appeal (marker)     pk RECT#RATING#<appealId> sk MARKER
 * A visit, the rectification items it opens, the contact state and the statistics counters are one
 * transaction; every later change of an item is conditional on its version.
 */
export const fieldKeys = {
  visit: (id: string) => ({ pk: `VISIT#${id}`, sk: 'VISIT' }),
  contact: (enterpriseId: string) => ({ pk: `ENT#${enterpriseId}`, sk: 'CONTACT' }),
  policy: (stationId: string) => ({ pk: `STATION#${stationId}`, sk: 'VISITPOLICY' }),
  rect: (id: string) => ({ pk: `RECT#${id}`, sk: 'RECT' }),
  entRect: (enterpriseId: string, id: string) => ({ pk: `ENT#${enterpriseId}#RECTS`, sk: id }),
  plan: (enterpriseId: string) => ({ pk: `ENT#${enterpriseId}`, sk: 'PLAN' }),
  /** One ledger item per badly rated appeal. */
  ratingMarker: (appealId: string) => ({ pk: `RECT#RATING#${appealId}`, sk: 'MARKER' }),
};

export const fieldIndex = {
  enterpriseVisits: (eid: string) => `ENT#${eid}#VISITS`,
  officerVisits: (oid: string) => `OFFICER#${oid}#VISITS`,
  stationVisits: (sid: string) => `STATION#${sid}#VISITS`,
  officerDue: (oid: string) => `OFFICER#${oid}#VISITDUE`,
  stationDue: (sid: string) => `STATION#${sid}#VISITDUE`,
  stationRects: (sid: string) => `STATION#${sid}#RECTS`,
  stationRectsOpened: (sid: string) => `STATION#${sid}#RECTS#OPENED`,
  officerRects: (oid: string) => `OFFICER#${oid}#RECTS`,
  enterpriseRects: (eid: string) => `ENT#${eid}#RECTS`,
};

/** An enterprise's contact state: who looks after it and when it was last visited. */
export type ContactRecord = {
  enterpriseId: string;
  enterpriseName: string;
  stationId: string;
  officerId: string;
  lastVisitDay: string | null;
  lastVisitId: string | null;
  registeredDay: string;
  baselineDay: string;
};

const visitItem = (v: Visit) => ({
  ...fieldKeys.visit(v.id),
  entity: 'visit',
  gsi1pk: fieldIndex.enterpriseVisits(v.enterpriseId),
  gsi1sk: `${v.day}#${v.id}`,
  gsi2pk: fieldIndex.officerVisits(v.officerId),
  gsi2sk: `${v.day}#${v.id}`,
  gsi3pk: fieldIndex.stationVisits(v.stationId),
  gsi3sk: `${v.day}#${v.id}`,
  ...v,
});

export const contactItem = (c: ContactRecord) => ({
  ...fieldKeys.contact(c.enterpriseId),
  entity: 'contact',
  gsi1pk: fieldIndex.officerDue(c.officerId),
  gsi1sk: `${c.baselineDay}#${c.enterpriseId}`,
  gsi2pk: fieldIndex.stationDue(c.stationId),
  gsi2sk: `${c.baselineDay}#${c.enterpriseId}`,
  ...c,
});

/**
 * The contact item of a newly registered enterprise, so it is on the due lists before its first visit.
 * For the registration transaction (enterprise-repository.register).
 */
export function contactItemFor(enterprise: Enterprise, registeredAt: string): TransactItem {
  const day = shanghaiDay(new Date(registeredAt));
  const c: ContactRecord = {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    stationId: enterprise.stationId,
    officerId: enterprise.officerId,
    lastVisitDay: null,
    lastVisitId: null,
    registeredDay: day,
    baselineDay: day,
  };
  return { Put: { TableName: table(), Item: contactItem(c), ConditionExpression: 'attribute_not_exists(pk)' } };
}

/**
 * The contact item follows a reassignment/hand-over (the officer's due list). For the reassign and
 * moveBatch transactions (enterprise-repository). Unconditional: an enterprise that has no contact item yet
 * gets a complete one (never visited, due from its registration day), never a partial one.
 */
export function contactReassignUpdate(enterprise: Enterprise, toOfficerId: string): TransactItem {
  const registeredDay = shanghaiDay(new Date(enterprise.createdAt));
  return {
    Update: {
      TableName: table(),
      Key: fieldKeys.contact(enterprise.id),
      UpdateExpression:
        'SET officerId = :o, gsi1pk = :g, entity = :e, enterpriseId = :id, enterpriseName = if_not_exists(enterpriseName, :name), ' +
        'stationId = :sid, gsi2pk = :g2, registeredDay = if_not_exists(registeredDay, :reg), baselineDay = if_not_exists(baselineDay, :reg), ' +
        'lastVisitDay = if_not_exists(lastVisitDay, :null), lastVisitId = if_not_exists(lastVisitId, :null), ' +
        'gsi1sk = if_not_exists(gsi1sk, :sk), gsi2sk = if_not_exists(gsi2sk, :sk)',
      ExpressionAttributeValues: {
        ':o': toOfficerId,
        ':g': fieldIndex.officerDue(toOfficerId),
        ':e': 'contact',
        ':id': enterprise.id,
        ':name': enterprise.name,
        ':sid': enterprise.stationId,
        ':g2': fieldIndex.stationDue(enterprise.stationId),
        ':reg': registeredDay,
        ':null': null,
        ':sk': `${registeredDay}#${enterprise.id}`,
      },
    },
  };
}

const rectSk = (r: Rectification) => `${r.status}#${r.deadline}#${r.id}`;
const rectItem = (r: Rectification) => ({
  ...fieldKeys.rect(r.id),
  entity: 'rectification',
  gsi1pk: fieldIndex.stationRects(r.stationId),
  gsi1sk: rectSk(r),
  gsi2pk: fieldIndex.stationRectsOpened(r.stationId),
  gsi2sk: `${r.openedDay}#${r.id}`,
  gsi3pk: fieldIndex.officerRects(r.ownerOfficerId),
  gsi3sk: rectSk(r),
  ...r,
});
const entRectItem = (r: Rectification) => ({ ...fieldKeys.entRect(r.enterpriseId, r.id), entity: 'enterprise-rectification', ...r });

const rectEvent = (r: Rectification) => ({ stationId: r.stationId, officerId: r.ownerOfficerId, enterpriseId: r.enterpriseId });

export function rectificationOpenWrites(r: Rectification, withCounters = true): TransactItem[] {
  return [
    { Put: { TableName: table(), Item: rectItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table(), Item: entRectItem(r) } },
    ...(withCounters ? statsRepository.updatesFor({ kind: 'rectification_opened', ...rectEvent(r), at: r.openedAt }) : []),
  ];
}

type QueryShape = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>;
const onIndex = (index: 'gsi1' | 'gsi2' | 'gsi3', pk: string, range?: { from?: string; to?: string; prefix?: string; below?: string }, newestFirst = false): QueryShape => {
  const values: Record<string, unknown> = { ':pk': pk };
  let cond = `${index}pk = :pk`;
  if (range?.prefix !== undefined) {
    cond += ` AND begins_with(${index}sk, :prefix)`;
    values[':prefix'] = range.prefix;
  } else if (range?.from !== undefined && range.to !== undefined) {
    cond += ` AND ${index}sk BETWEEN :from AND :to`;
    values[':from'] = range.from;
    values[':to'] = range.to;
  } else if (range?.below !== undefined) {
    cond += ` AND ${index}sk < :below`;
    values[':below'] = range.below;
  }
  return { IndexName: index, KeyConditionExpression: cond, ExpressionAttributeValues: values, ScanIndexForward: !newestFirst };
};
/** Upper bound for day-prefixed sort keys ending on `day` inclusive. */
const endOf = (day: string) => `${day}#\uffff`;

export const fieldworkRepository = {
  // ---- visits ----------------------------------------------------------------------------------------

  /** visit by id */
  async getVisit(id: string): Promise<Visit | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: fieldKeys.visit(id) }));
    return out.Item ? strip<Visit>(out.Item) : null;
  },

  /** an enterprise's contact state (strongly consistent: read right before the visit's conditional write) */
  async getContact(enterpriseId: string): Promise<ContactRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: fieldKeys.contact(enterpriseId), ConsistentRead: true }));
    return out.Item ? strip<ContactRecord>(out.Item) : null;
  },

  /**
   * A visit, the rectification items its problems open, and the enterprise's contact state, together.
   * The contact state moves only forward: it is written only if no later visit has been recorded
   * (`lastVisitDay <= day`). Returns which item (by position) failed, for the service to retry.
   */
  async recordVisit(
    visit: Visit,
    rects: Rectification[],
    contact: ContactRecord | null,
    contactBefore: ContactRecord | null,
    attachmentWrites: TransactItem[] = [],
  ): Promise<'ok' | 'contact-moved' | 'attachments' | 'conflict'> {
    // 转诉求 appeals are not in here: each is its own transaction after the visit (`appealRepository.createOnce`),
    // since 20 of them (the schema's maximum) would exceed DynamoDB's 100 items per transaction.
    const items: TransactItem[] = [
      { Put: { TableName: table(), Item: visitItem(visit), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...rects.flatMap((r) => rectificationOpenWrites(r, false)),
      // The counters of every event of this transaction, merged: one Update per counter item.
      ...aggregateDeltas([
        { kind: 'visit_made', stationId: visit.stationId, officerId: visit.officerId, enterpriseId: visit.enterpriseId, at: `${visit.day}T12:00:00+08:00` },
        ...rects.map((r) => ({ kind: 'rectification_opened' as const, ...rectEvent(r), at: r.openedAt })),
      ]).map(counterUpdate),
    ];
    // 工作影像资料: each linked in this transaction, conditional on being the officer's unlinked upload for this enterprise.
    const attachmentsFrom = items.length;
    items.push(...attachmentWrites);
    const contactIndex = items.length;
    if (contact) {
      // The contact item is replaced only if it is still what was read: a concurrent visit makes this fail.
      const condition = !contactBefore
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : contactBefore.lastVisitId
          ? { ConditionExpression: 'lastVisitId = :last', ExpressionAttributeValues: { ':last': contactBefore.lastVisitId } }
          : { ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastVisitId) OR lastVisitId = :none)', ExpressionAttributeValues: { ':none': null } };
      items.push({ Put: { TableName: table(), Item: contactItem(contact), ...condition } });
    }
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return 'ok';
    } catch (error) {
      const failed = cancelledIndexes(error);
      if (!failed) throw error;
      if (failed.length === 1 && failed[0] === contactIndex) return 'contact-moved';
      if (failed.some((i) => i >= attachmentsFrom && i < contactIndex)) return 'attachments';
      return 'conflict';
    }
  },

  /** an enterprise's visits, newest first */
  listEnterpriseVisits(enterpriseId: string, page: { cursor?: string; limit: number }): Promise<Page<Visit>> {
    return queryPage(onIndex('gsi1', fieldIndex.enterpriseVisits(enterpriseId), undefined, true), page, strip<Visit>);
  },

  /** an officer's visits by date, newest first (optionally within [from, to]) */
  listOfficerVisits(officerId: string, range: { from?: string; to?: string }, page: { cursor?: string; limit: number }): Promise<Page<Visit>> {
    const r = range.from || range.to ? { from: range.from ?? '0000', to: endOf(range.to ?? '9999-12-31') } : undefined;
    return queryPage(onIndex('gsi2', fieldIndex.officerVisits(officerId), r, true), page, strip<Visit>);
  },

  /** a station's visits with visit day in [from, to], oldest first */
  listStationVisits(stationId: string, from: string, to: string, page: { cursor?: string; limit: number }): Promise<Page<Visit>> {
    return queryPage(onIndex('gsi3', fieldIndex.stationVisits(stationId), { from, to: endOf(to) }), page, strip<Visit>);
  },

  // ---- contact state and due lists -------------------------------------------------------------------

  /** Create contact items that do not exist yet (seed, lazy initialisation). */
  async putContactIfAbsent(c: ContactRecord): Promise<boolean> {
    try {
      await db().send(new PutCommand({ TableName: table(), Item: contactItem(c), ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  /** officer's enterprises, longest unvisited first; `dueBelow` limits to those due (baseline < bound) */
  listOfficerContacts(officerId: string, dueBelow: string | undefined, page: { cursor?: string; limit: number }): Promise<Page<ContactRecord>> {
    return queryPage(onIndex('gsi1', fieldIndex.officerDue(officerId), dueBelow ? { below: dueBelow } : undefined), page, strip<ContactRecord>);
  },

  /** station's enterprises, longest unvisited first */
  listStationContacts(stationId: string, dueBelow: string | undefined, page: { cursor?: string; limit: number }): Promise<Page<ContactRecord>> {
    return queryPage(onIndex('gsi2', fieldIndex.stationDue(stationId), dueBelow ? { below: dueBelow } : undefined), page, strip<ContactRecord>);
  },

  /** how many of a station's enterprises are due (baseline < bound): a counting Query, every page */
  async countStationDue(stationId: string, dueBelow: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await db().send(new QueryCommand({ TableName: table(), ...onIndex('gsi2', fieldIndex.stationDue(stationId), { below: dueBelow }), Select: 'COUNT', ExclusiveStartKey: start }));
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return count;
  },

  // ---- policy ----------------------------------------------------------------------------------------

  /** a station's contact rule (the default while none was set) */
  async getPolicy(stationId: string): Promise<VisitPolicy> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: fieldKeys.policy(stationId) }));
    return out.Item ? strip<VisitPolicy>(out.Item) : { stationId, intervalDays: DEFAULT_VISIT_INTERVAL_DAYS, version: 0 };
  },

  async putPolicy(policy: VisitPolicy, expectedVersion: number): Promise<VisitPolicy> {
    const next = { ...policy, version: expectedVersion + 1 };
    try {
      await db().send(
        new PutCommand({
          TableName: table(),
          Item: { ...fieldKeys.policy(policy.stationId), entity: 'visit-policy', ...next },
          ...(expectedVersion === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') throw new VersionConflict('走访周期');
      throw error;
    }
    return next;
  },

  // ---- rectifications --------------------------------------------------------------------------------

  /** rectification by id (strongly consistent: read right before a conditional write) */
  async getRectification(id: string): Promise<Rectification | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: fieldKeys.rect(id), ConsistentRead: true }));
    return out.Item ? strip<Rectification>(out.Item) : null;
  },

  async requireRectification(id: string): Promise<Rectification> {
    const r = await this.getRectification(id);
    if (!r) throw new NotFound('整改事项', 'RECTIFICATION_NOT_FOUND');
    return r;
  },

  /** A ledger item opened on its own (from a bad rating: at most one per appeal, by its marker). */
  async openRectification(r: Rectification): Promise<void> {
    const marker: TransactItem[] =
      r.source.kind === 'rating'
        ? [{ Put: { TableName: table(), Item: { ...fieldKeys.ratingMarker(r.source.appealId), entity: 'rectification-marker', rectificationId: r.id }, ConditionExpression: 'attribute_not_exists(pk)' } }]
        : [];
    try {
      await db().send(new TransactWriteCommand({ TransactItems: [...marker, ...rectificationOpenWrites(r)] }));
    } catch (error) {
      if (marker.length && cancelledIndexes(error)?.includes(0)) throw new Conflict('RECTIFICATION_EXISTS', '该诉求已登记整改事项，请在整改台账中查看');
      throw error;
    }
  },

  /** One transition, conditional on the version read; the enterprise's copy and the counters follow. */
  /**
   * A rectification's state change, conditional on its version; closing it links its 整改前/整改后 photos in
   * the same transaction (`attachmentWrites`, each conditional on being the closer's unlinked upload for
   * this item). Answers 'attachments' when only those conditions failed.
   */
  async saveRectification(before: Rectification, after: Rectification, attachmentWrites: TransactItem[] = []): Promise<'ok' | 'attachments'> {
    const closing = isOpenRectification(before.status) && !isOpenRectification(after.status);
    const items: TransactItem[] = [
      { Put: { TableName: table(), Item: rectItem(after), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } },
      { Put: { TableName: table(), Item: entRectItem(after) } },
      ...(closing && after.status === 'done' ? statsRepository.updatesFor({ kind: 'rectification_closed', ...rectEvent(after), at: after.closedAt!, onTime: (after.closedDay ?? '') <= after.deadline }) : []),
    ];
    const attachmentsFrom = items.length;
    items.push(...attachmentWrites);
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return 'ok';
    } catch (error) {
      const failed = cancelledIndexes(error);
      if (!failed) throw error;
      if (failed.length > 0 && failed.every((i) => i >= attachmentsFrom)) return 'attachments';
      throw new VersionConflict('整改事项');
    }
  },

  /** a station's ledger: one status (by deadline) or all (grouped by status, then deadline) */
  listStationRectifications(stationId: string, status: string | undefined, page: { cursor?: string; limit: number }): Promise<Page<Rectification>> {
    return queryPage(onIndex('gsi1', fieldIndex.stationRects(stationId), status ? { prefix: `${status}#` } : undefined), page, strip<Rectification>);
  },

  /** a station's items of one status with deadline ≤ day */
  listStationRectificationsDueBy(stationId: string, status: string, day: string, page: { cursor?: string; limit: number }): Promise<Page<Rectification>> {
    return queryPage(onIndex('gsi1', fieldIndex.stationRects(stationId), { from: `${status}#`, to: `${status}#${endOf(day)}` }), page, strip<Rectification>);
  },

  /** a station's items opened in [from, to] (or, with `stillOpenAfter`, opened by `to` and not closed by it) */
  listStationRectificationsOpened(stationId: string, from: string, to: string, page: { cursor?: string; limit: number }, includeOpenAtEnd = false): Promise<Page<Rectification>> {
    const base = onIndex('gsi2', fieldIndex.stationRectsOpened(stationId), { from: includeOpenAtEnd ? '0000' : from, to: endOf(to) });
    if (includeOpenAtEnd) {
      base.FilterExpression = 'openedDay >= :pfrom OR closedDay = :null OR closedDay > :pto';
      base.ExpressionAttributeValues = { ...base.ExpressionAttributeValues, ':pfrom': from, ':pto': to, ':null': null };
    }
    return queryPage(base, page, strip<Rectification>);
  },

  /** an owner officer's items: one status or all */
  listOfficerRectifications(officerId: string, status: string | undefined, page: { cursor?: string; limit: number }): Promise<Page<Rectification>> {
    return queryPage(onIndex('gsi3', fieldIndex.officerRects(officerId), status ? { prefix: `${status}#` } : undefined), page, strip<Rectification>);
  },

  /** an enterprise's items, strongly consistent: read right before they move with the enterprise */
  async allEnterpriseRectifications(enterpriseId: string): Promise<Rectification[]> {
    const out: Rectification[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': fieldIndex.enterpriseRects(enterpriseId) }, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      out.push(...(page.Items ?? []).map((i) => strip<Rectification>(i)));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  },

  /** an enterprise's items, newest first */
  listEnterpriseRectifications(enterpriseId: string, page: { cursor?: string; limit: number }): Promise<Page<Rectification>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': fieldIndex.enterpriseRects(enterpriseId) }, ScanIndexForward: false }, page, strip<Rectification>);
  },

  // ---- service plan ----------------------------------------------------------------------------------

  /** an enterprise's service plan (一企一策), or the empty plan */
  async getPlan(enterpriseId: string): Promise<ServicePlan> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: fieldKeys.plan(enterpriseId), ConsistentRead: true }));
    return out.Item ? strip<ServicePlan>(out.Item) : { enterpriseId, text: '', targets: [], updatedAt: null, updatedBy: null, version: 0 };
  },

  async putPlan(plan: ServicePlan, expectedVersion: number): Promise<ServicePlan> {
    const next = { ...plan, version: expectedVersion + 1 };
    try {
      await db().send(
        new PutCommand({
          TableName: table(),
          Item: { ...fieldKeys.plan(plan.enterpriseId), entity: 'service-plan', ...next },
          ...(expectedVersion === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') throw new VersionConflict('服务方案');
      throw error;
    }
    return next;
  },
};

export { collectAll };

/** The stored items, for the demo seed's bulk load (scripts/seed/fieldwork.ts). */
export const fieldItems = { visit: visitItem, contact: contactItem, rectification: rectItem, enterpriseRectification: entRectItem };
