/**
 * The official working calendar (工作日历) the centre keeps: one item per year holding the State Council's
 * notice as date ranges. Access patterns and keys:
 *   a year's notice                       pk CALENDAR   sk YEAR#<yyyy>   (version-conditional put)
 *   every year's notice (one Query)       pk CALENDAR   begins_with(sk, 'YEAR#')   — a few dozen small items
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HolidayNotice } from '../../shared/calendar/days';
import { VersionConflict } from '../../shared/errors';
import { db, isConditionFailure, readAllWithPrefix, table } from '../lib/dynamo';
import { strip } from './keys';

export const calendarKeys = { year: (year: number) => ({ pk: 'CALENDAR', sk: `YEAR#${year}` }) };

export type StoredNotice = HolidayNotice & { version: number; updatedAt: string; updatedBy: string };

export const calendarRepository = {
  /** every year's notice */
  async listYears(): Promise<StoredNotice[]> {
    const items = await readAllWithPrefix('CALENDAR', 'YEAR#');
    return items.map((i) => strip<StoredNotice>(i)).sort((a, b) => a.year - b.year);
  },

  /** a year's notice */
  async getYear(year: number): Promise<StoredNotice | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: calendarKeys.year(year), ConsistentRead: true }));
    return out.Item ? strip<StoredNotice>(out.Item) : null;
  },

  /** Store a year's notice if nobody changed it since `seenVersion` (0: the year is not stored yet). */
  async putYear(notice: HolidayNotice, seenVersion: number, by: string, at: string): Promise<StoredNotice> {
    const item: StoredNotice = { year: notice.year, holidays: notice.holidays, workdays: notice.workdays, version: seenVersion + 1, updatedAt: at, updatedBy: by };
    try {
      await db().send(
        new PutCommand({
          TableName: table(),
          Item: { ...calendarKeys.year(notice.year), entity: 'calendarYear', ...item },
          ...(seenVersion === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': seenVersion } }),
        }),
      );
      return item;
    } catch (e) {
      if (isConditionFailure(e)) throw new VersionConflict(`${notice.year}年节假日安排`);
      throw e;
    }
  },
};
