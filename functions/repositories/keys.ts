/**
 * Key builders: the only place that knows how items are laid out in the single table.
 *
 * Access patterns (foundation) and the key or index that serves each:
 *   user by id                          pk USER#<userId>          sk USER
 *   user id by WeChat openid            pk OPENID#<openid>        sk OPENID
 *   centre by id / all centres          pk CENTRE#<id>            sk CENTRE      gsi1 CENTRES / <id>
 *   station by id / all stations        pk STATION#<id>           sk STATION     gsi1 STATIONS / <centreId>#<id>
 *   officer by id / officers of station pk OFFICER#<id>           sk OFFICER     gsi1 STATION#<sid>#OFFICERS / <badgeNo>
 *   centre admin by id                  pk ADMIN#<id>             sk ADMIN
 *   enterprise by id                    pk ENT#<id>               sk ENT
 *   enterprises of an officer           gsi1 OFFICER#<oid>#ENTS / <name>#<id>
 *   enterprises of a station            gsi2 STATION#<sid>#ENTS / <name>#<id>
 *   enterprises of an industry          gsi3 INDUSTRY#<industry> / <stationId>#<id>
 *   members of an enterprise            pk ENT#<id>               sk MEMBER#<userId>
 *   credit-code uniqueness marker       pk CREDIT#<code>          sk CREDIT
 *   invite by code                      pk INVITE#<code>          sk INVITE
 */
export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'USER' }),
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'OPENID' }),
  centre: (id: string) => ({ pk: `CENTRE#${id}`, sk: 'CENTRE' }),
  station: (id: string) => ({ pk: `STATION#${id}`, sk: 'STATION' }),
  officer: (id: string) => ({ pk: `OFFICER#${id}`, sk: 'OFFICER' }),
  admin: (id: string) => ({ pk: `ADMIN#${id}`, sk: 'ADMIN' }),
  enterprise: (id: string) => ({ pk: `ENT#${id}`, sk: 'ENT' }),
  member: (enterpriseId: string, userId: string) => ({ pk: `ENT#${enterpriseId}`, sk: `MEMBER#${userId}` }),
  creditCode: (code: string) => ({ pk: `CREDIT#${code}`, sk: 'CREDIT' }),
  invite: (code: string) => ({ pk: `INVITE#${code}`, sk: 'INVITE' }),
};

export const indexKeys = {
  allCentres: () => 'CENTRES',
  allStations: () => 'STATIONS',
  stationOfficers: (stationId: string) => `STATION#${stationId}#OFFICERS`,
  officerEnterprises: (officerId: string) => `OFFICER#${officerId}#ENTS`,
  stationEnterprises: (stationId: string) => `STATION#${stationId}#ENTS`,
  industryEnterprises: (industry: string) => `INDUSTRY#${industry}`,
};

/** Attributes every stored item carries besides its keys. */
export type Stored<T> = T & { pk: string; sk: string; entity: string };

/** Drop the storage-only attributes before an item leaves the repository. */
export function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi3pk: _f, gsi3sk: _g, ttl: _ttl, ...rest } = item;
  return rest as T;
}
