import { BatchWriteCommand, type TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Enterprise } from '../../shared/schemas/enterprise';
import { appealTerms, searchTerms } from '../../shared/search/terms';
import { db, table } from '../lib/dynamo';
import type { AppealRecord } from './appeal-repository';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];
type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * 警务检索 (police search). Access patterns and keys:
 *   enterprises whose name contains a term     pk SRCHE#<term>        sk <stationId>#<enterpriseId>
 *     (name, credit code, industry on the posting: a chief's or the centre's page needs no other read)
 *   enterprises with a contact mobile          pk ENTPHONE#<mobile>   sk <enterpriseId>
 *   enterprise by credit code                  the registration marker CREDIT#<code> · CREDIT
 *   appeals whose title or text has a term     pk SRCHA#<term>        sk <stationId>#<createdAt>#<appealId>
 *     (enterprise, type, category, createdAt on the posting: filtered in the Query; status and who may see
 *     it are read from the appeal's entry in its enterprise's queue, which every transition rewrites)
 * A station is a range of every term partition (begins_with <stationId>#), the centre reads the whole
 * partition; so one posting per term serves all scopes. Enterprise postings and the mobile item are written in
 * the registration and correction transactions; an appeal's (up to 120) in batches right after its filing
 * transaction — more than a transaction holds — and never change: title, text, type and category are fixed.
 */
export const searchKeys = {
  enterpriseTerm: (term: string) => `SRCHE#${term}`,
  appealTerm: (term: string) => `SRCHA#${term}`,
  mobile: (mobile: string) => `ENTPHONE#${mobile}`,
  enterpriseSk: (e: { stationId: string; id: string }) => `${e.stationId}#${e.id}`,
  appealSk: (a: { stationId: string; createdAt: string; id: string }) => `${a.stationId}#${a.createdAt}#${a.id}`,
};

/** Every index item of an enterprise: a posting per distinct term of its name, and its contact mobile. */
export function enterpriseSearchItems(e: Enterprise): Record<string, unknown>[] {
  const sk = searchKeys.enterpriseSk(e);
  return [
    ...searchTerms(e.name).map((t) => ({ pk: searchKeys.enterpriseTerm(t), sk, entity: 'search-enterprise', id: e.id, name: e.name, creditCode: e.creditCode, industry: e.industry, stationId: e.stationId })),
    { pk: searchKeys.mobile(e.contactMobile), sk: e.id, entity: 'enterprise-mobile', enterpriseId: e.id, stationId: e.stationId },
  ];
}

/** Every posting of an appeal (title and the start of its description). */
export function appealSearchItems(a: Pick<AppealRecord, 'id' | 'stationId' | 'createdAt' | 'enterpriseId' | 'type' | 'category' | 'title' | 'description'>): Record<string, unknown>[] {
  const sk = searchKeys.appealSk(a);
  return appealTerms(a.title, a.description).map((t) => ({
    pk: searchKeys.appealTerm(t),
    sk,
    entity: 'search-appeal',
    appealId: a.id,
    enterpriseId: a.enterpriseId,
    type: a.type,
    category: a.category,
    createdAt: a.createdAt,
  }));
}

const keyOf = (i: Record<string, unknown>) => `${i.pk}|${i.sk}`;

/**
 * The index writes that take an enterprise from `before` to `after` (null: registered / gone): puts of
 * every current item (the name on them may have changed), deletes of the items it no longer has.
 */
export function enterpriseIndexWrites(before: Enterprise | null, after: Enterprise): TransactItem[] {
  const next = enterpriseSearchItems(after);
  const keep = new Set(next.map(keyOf));
  const gone = before ? enterpriseSearchItems(before).filter((i) => !keep.has(keyOf(i))) : [];
  return [...next.map((Item): TransactItem => ({ Put: { TableName: table(), Item } })), ...gone.map((i): TransactItem => ({ Delete: { TableName: table(), Key: { pk: i.pk, sk: i.sk } } }))];
}

/** Writes in batches of 25, 4 in flight, re-sending what DynamoDB left unprocessed. */
async function batchWrite(writes: WriteRequest[]): Promise<number> {
  let capacity = 0;
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < writes.length; i += 25) chunks.push(writes.slice(i, i + 25));
  for (let i = 0; i < chunks.length; i += 4) {
    await Promise.all(
      chunks.slice(i, i + 4).map(async (chunk) => {
        let pending: WriteRequest[] | undefined = chunk;
        for (let attempt = 0; pending?.length; attempt++) {
          if (attempt > 8) throw new Error('search index: unprocessed writes after retries');
          if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
          const out = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending as never }, ReturnConsumedCapacity: 'TOTAL' }));
          capacity += out.ConsumedCapacity?.reduce((s, c) => s + (c.CapacityUnits ?? 0), 0) ?? 0;
          pending = out.UnprocessedItems?.[table()] as WriteRequest[] | undefined;
        }
      }),
    );
  }
  return capacity;
}

/** The writes of the index, for the repositories that own the records (the queries are in search-repository.ts). */
export const searchIndex = {
  /** an appeal's postings, written right after its filing transaction; returns the write capacity */
  indexAppeal(a: AppealRecord): Promise<number> {
    return batchWrite(appealSearchItems(a).map((Item) => ({ PutRequest: { Item } })));
  },

  /** index writes of an enterprise outside a transaction (a correction whose index change is too large for it) */
  async writeEnterpriseIndex(before: Enterprise | null, after: Enterprise): Promise<number> {
    const writes = enterpriseIndexWrites(before, after).map(
      (t): WriteRequest => (t.Put ? { PutRequest: { Item: t.Put.Item as Record<string, unknown> } } : { DeleteRequest: { Key: t.Delete!.Key as Record<string, unknown> } }),
    );
    return batchWrite(writes);
  },
};
