import { GetCommand, PutCommand, UpdateCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound, VersionConflict } from '../../shared/errors';
import type { Centre, Officer, Station } from '../../shared/schemas/organisation';
import type { Page } from '../../shared/schemas/common';
import type { SlaPolicy } from '../../shared/appeals/sla';
import { cancelledIndexes, collectAll, db, isConditionFailure, queryPage, table } from '../lib/dynamo';
import { indexKeys, keys, strip } from './keys';

/** Stored officer: the API's Officer plus the WeChat user bound to it. */
export type OfficerRecord = Omit<Officer, 'bound'> & { userId: string | null };
export type AdminRecord = { id: string; name: string; centreId: string; userId: string | null; createdAt: string; version: number };

export const toOfficer = (o: OfficerRecord): Officer => {
  const { userId, ...rest } = o;
  return { ...rest, bound: userId !== null };
};

export const centreItem = (c: Centre) => ({ ...keys.centre(c.id), entity: 'centre', gsi1pk: indexKeys.allCentres(), gsi1sk: c.id, ...c });
export const stationItem = (s: Station) => ({ ...keys.station(s.id), entity: 'station', gsi1pk: indexKeys.allStations(), gsi1sk: `${s.centreId}#${s.id}`, ...s });
export const officerItem = (o: OfficerRecord) => ({ ...keys.officer(o.id), entity: 'officer', gsi1pk: indexKeys.stationOfficers(o.stationId), gsi1sk: o.badgeNo, ...o });
export const adminItem = (a: AdminRecord) => ({ ...keys.admin(a.id), entity: 'admin', ...a });

export const organisationRepository = {
  /** station by id */
  async getStation(id: string): Promise<Station | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.station(id) }));
    return out.Item ? strip<Station>(out.Item) : null;
  },

  /** all stations, ordered by centre */
  listStations(page: { cursor?: string; limit: number }): Promise<Page<Station>> {
    return queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': indexKeys.allStations() } }, page, (i) => strip<Station>(i));
  },

  async createStation(station: Station): Promise<void> {
    try {
      await db().send(new PutCommand({ TableName: table(), Item: stationItem(station), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (e) {
      if (isConditionFailure(e)) throw new Conflict('STATION_EXISTS', `派出所编号 ${station.id} 已存在`);
      throw e;
    }
  },

  async updateStation(id: string, version: number, changes: Partial<Pick<Station, 'name' | 'address' | 'phone' | 'latitude' | 'longitude' | 'followUpSamplePercent'>>): Promise<Station> {
    const names = Object.keys(changes) as (keyof typeof changes)[];
    const sets = names.map((n) => `#${n} = :${n}`);
    try {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.station(id),
          UpdateExpression: `SET ${[...sets, 'version = version + :one'].join(', ')}`,
          ConditionExpression: 'attribute_exists(pk) AND version = :v',
          ExpressionAttributeNames: Object.fromEntries(names.map((n) => [`#${n}`, n])),
          ExpressionAttributeValues: { ...Object.fromEntries(names.map((n) => [`:${n}`, changes[n]])), ':v': version, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<Station>(out.Attributes!);
    } catch (e) {
      if (isConditionFailure(e)) throw new VersionConflict('派出所信息');
      throw e;
    }
  },

  /** A station's own SLA settings (the whole policy, validated before it is stored). */
  async setStationSla(id: string, policy: SlaPolicy): Promise<void> {
    try {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.station(id),
          UpdateExpression: 'SET slaPolicy = :p, version = version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':p': policy, ':one': 1 },
        }),
      );
    } catch (e) {
      if (isConditionFailure(e)) throw new NotFound('派出所', 'STATION_NOT_FOUND');
      throw e;
    }
  },

  /** Make one officer the chief of a station, the previous chief (if any) an ordinary officer: one transaction. */
  async setChief(station: Station, officer: OfficerRecord): Promise<Station> {
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Update: {
          TableName: table(),
          Key: keys.station(station.id),
          UpdateExpression: 'SET chiefOfficerId = :o, version = version + :one',
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':o': officer.id, ':v': station.version, ':one': 1 },
        },
      },
      {
        Update: {
          TableName: table(),
          Key: keys.officer(officer.id),
          UpdateExpression: 'SET isChief = :t, version = version + :one',
          ConditionExpression: 'stationId = :s AND version = :ov',
          ExpressionAttributeValues: { ':t': true, ':s': station.id, ':ov': officer.version, ':one': 1 },
        },
      },
    ];
    if (station.chiefOfficerId && station.chiefOfficerId !== officer.id) {
      items.push({
        Update: {
          TableName: table(),
          Key: keys.officer(station.chiefOfficerId),
          UpdateExpression: 'SET isChief = :f, version = version + :one',
          ExpressionAttributeValues: { ':f': false, ':one': 1 },
        },
      });
    }
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (e) {
      if (cancelledIndexes(e)) throw new VersionConflict('派出所或联络官信息');
      throw e;
    }
    return { ...station, chiefOfficerId: officer.id, version: station.version + 1 };
  },

  /** centre by id */
  async getCentre(id: string): Promise<Centre | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.centre(id) }));
    return out.Item ? strip<Centre>(out.Item) : null;
  },

  /** officer by id */
  async getOfficer(id: string): Promise<OfficerRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.officer(id) }));
    return out.Item ? strip<OfficerRecord>(out.Item) : null;
  },

  /** officers of a station (at most a few dozen; the caller pages) */
  listStationOfficers(stationId: string, page: { cursor?: string; limit: number }): Promise<Page<OfficerRecord>> {
    return queryPage({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': indexKeys.stationOfficers(stationId) } }, page, (i) => strip<OfficerRecord>(i));
  },

  /** every officer of a station, for assignment decisions (a station has tens of officers, not thousands) */
  allStationOfficers(stationId: string): Promise<OfficerRecord[]> {
    return collectAll((cursor) => this.listStationOfficers(stationId, { cursor, limit: 100 }));
  },

  async createOfficer(officer: OfficerRecord): Promise<void> {
    await db().send(new PutCommand({ TableName: table(), Item: officerItem(officer), ConditionExpression: 'attribute_not_exists(pk)' }));
  },

  async setOfficerLeave(id: string, version: number, onLeave: boolean): Promise<OfficerRecord> {
    try {
      const out = await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.officer(id),
          UpdateExpression: 'SET onLeave = :l, version = version + :one',
          ConditionExpression: 'attribute_exists(pk) AND version = :v',
          ExpressionAttributeValues: { ':l': onLeave, ':v': version, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<OfficerRecord>(out.Attributes!);
    } catch (e) {
      if (isConditionFailure(e)) throw new VersionConflict('联络官信息');
      throw e;
    }
  },

  /**
   * 民警离职: the officer is marked deactivated and unbound, and the WeChat user bound to it goes back to a
   * guest, in one transaction. Conditional on the version the caller saw and on no enterprise being left
   * (hand-over done), so a registration racing for this officer either lands first (and this fails) or fails.
   */
  async deactivateOfficer(officer: OfficerRecord, at: string): Promise<OfficerRecord> {
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Update: {
          TableName: table(),
          Key: keys.officer(officer.id),
          UpdateExpression: 'SET deactivatedAt = :at, userId = :null, onLeave = :true, version = version + :one',
          ConditionExpression: 'attribute_exists(pk) AND version = :v AND enterpriseCount = :zero AND attribute_not_exists(deactivatedAt)',
          ExpressionAttributeValues: { ':at': at, ':null': null, ':true': true, ':v': officer.version, ':zero': 0, ':one': 1 },
        },
      },
    ];
    if (officer.userId)
      items.push({
        Update: {
          TableName: table(),
          Key: keys.user(officer.userId),
          UpdateExpression: 'SET #role = :guest, officerId = :null, stationId = :null, displayName = :name, version = version + :one',
          ConditionExpression: 'attribute_exists(pk) AND officerId = :oid',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':guest': 'guest', ':null': null, ':name': '微信用户', ':oid': officer.id, ':one': 1 },
        },
      });
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
    } catch (e) {
      if (cancelledIndexes(e)) throw new VersionConflict('联络官信息');
      throw e;
    }
    return { ...officer, deactivatedAt: at, userId: null, onLeave: true, version: officer.version + 1 };
  },

  /** centre admin by id */
  async getAdmin(id: string): Promise<AdminRecord | null> {
    const out = await db().send(new GetCommand({ TableName: table(), Key: keys.admin(id) }));
    return out.Item ? strip<AdminRecord>(out.Item) : null;
  },

  async requireStation(id: string): Promise<Station> {
    const s = await this.getStation(id);
    if (!s) throw new NotFound('派出所', 'STATION_NOT_FOUND');
    return s;
  },

  async requireOfficer(id: string): Promise<OfficerRecord> {
    const o = await this.getOfficer(id);
    if (!o) throw new NotFound('联络官', 'OFFICER_NOT_FOUND');
    return o;
  },
};
