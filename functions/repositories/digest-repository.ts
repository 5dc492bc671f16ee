/**
 * The chief's morning digests (每日晨报). Access patterns and keys:
 *   a station's digest of a day            pk DIGEST#<sid>   sk <yyyy-mm-dd>   (put if absent: once per day)
 *   a station's digests, newest first      Query pk DIGEST#<sid>, ScanIndexForward false, paged
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Digest } from '../../shared/stats/schemas';
import type { Page } from '../../shared/schemas/common';
import { db, isConditionFailure, queryPage, table } from '../lib/dynamo';
import { strip } from './keys';

export const digestKeys = { digest: (stationId: string, day: string) => ({ pk: `DIGEST#${stationId}`, sk: day }) };

export const digestRepository = {
  /** Store the day's digest unless one is there already; false when it was (a rerun does nothing). */
  async putOnce(d: Digest): Promise<boolean> {
    try {
      await db().send(new PutCommand({ TableName: table(), Item: { ...digestKeys.digest(d.stationId, d.day), entity: 'digest', ...d }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** a station's digest of a day */
  async get(stationId: string, day: string): Promise<Digest | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: digestKeys.digest(stationId, day) }));
    return out.Item ? strip<Digest>(out.Item) : null;
  },

  /** a station's digests, newest first */
  list(stationId: string, page: { cursor?: string; limit: number }): Promise<Page<Digest>> {
    return queryPage({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `DIGEST#${stationId}` }, ScanIndexForward: false }, page, (i) => strip<Digest>(i));
  },
};
