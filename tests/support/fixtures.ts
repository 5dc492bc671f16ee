/**
 * Small, explicit test districts written straight through the repositories' item builders: two stations
 * in two centres, officers, a chief and a centre admin per side, and the users bound to them.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { creditCodeCheckChar } from '../../shared/domain/credit-code';
import type { Principal } from '../../shared/domain/principal';
import { PRIVACY_GUIDE_VERSION } from '../../shared/privacy/guide';
import { db, table } from '../../functions/lib/dynamo';
import { issueAccessToken } from '../../functions/lib/tokens';
import { adminItem, centreItem, officerItem, stationItem, type OfficerRecord } from '../../functions/repositories/organisation-repository';
import { openidItem, userItem, userRecord, type UserRecord } from '../../functions/repositories/user-repository';

const NOW = '2026-11-02T01:00:00.000Z';

export function makeCreditCode(serial: number): string {
  const org = `${String(serial).padStart(8, '0')}X`;
  const first17 = `91500103${org}`;
  return first17 + creditCodeCheckChar(first17);
}

let mobile = 13800000000;
export const nextMobile = () => String(++mobile);

export function user(id: string, role: UserRecord['role'], extra: Partial<UserRecord> = {}): UserRecord {
  // Test users have agreed to the current privacy guide unless a test says otherwise.
  return userRecord({ userId: id, openid: `openid-${id}`, createdAt: NOW }, { role, displayName: id, privacyVersion: PRIVACY_GUIDE_VERSION, consentedAt: NOW, ...extra });
}

export function officer(id: string, stationId: string, extra: Partial<OfficerRecord> = {}): OfficerRecord {
  return {
    id,
    name: `民警${id}`,
    stationId,
    mobile: nextMobile(),
    badgeNo: String(100000 + Number(id.replace(/\D/g, '') || 0)).slice(0, 6),
    title: '助企警务联络官',
    isChief: false,
    onLeave: false,
    enterpriseCount: 0,
    userId: null,
    createdAt: NOW,
    version: 1,
    ...extra,
  };
}

export async function writeItems(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    await db().send(new BatchWriteCommand({ RequestItems: { [table()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

export type Side = {
  centreId: string;
  stationId: string;
  officers: OfficerRecord[];
  chief: OfficerRecord;
  tokens: { officer: string; officer2: string; chief: string; centre: string };
  principals: { officer: Principal; chief: Principal; centre: Principal };
};

/** Two independent sides, A and B, each with a centre, a station, three officers and a chief. */
export async function twoStations(): Promise<{ a: Side; b: Side }> {
  const sides: Record<'a' | 'b', Side> = {} as never;
  const items: Record<string, unknown>[] = [];
  for (const s of ['a', 'b'] as const) {
    const centreId = `c${s}`;
    const stationId = `st${s}`;
    const chief = officer(`${s}chief`, stationId, { isChief: true, title: '所长', userId: `u-${s}chief` });
    const officers = [1, 2, 3].map((n) => officer(`${s}of${n}`, stationId, { userId: n <= 2 ? `u-${s}of${n}` : null }));
    items.push(
      centreItem({ id: centreId, name: `中心${s}`, createdAt: NOW }),
      stationItem({ id: stationId, name: `测试${s}派出所`, centreId, address: '重庆市渝中区测试路1号', phone: '023-63000000', chiefOfficerId: chief.id, createdAt: NOW, version: 1 }),
      officerItem(chief),
      ...officers.map(officerItem),
      adminItem({ id: `${s}admin`, name: `中心管理员${s}`, centreId, userId: `u-${s}admin`, createdAt: NOW, version: 1 }),
    );
    const users = [
      user(`u-${s}chief`, 'chief', { officerId: chief.id, stationId }),
      user(`u-${s}of1`, 'officer', { officerId: officers[0].id, stationId }),
      user(`u-${s}of2`, 'officer', { officerId: officers[1].id, stationId }),
      user(`u-${s}admin`, 'centre', { adminId: `${s}admin`, centreId }),
    ];
    for (const u of users) items.push(userItem(u), openidItem(u));
    const principals = {
      officer: { role: 'officer', userId: `u-${s}of1`, officerId: officers[0].id, stationId } as Principal,
      chief: { role: 'chief', userId: `u-${s}chief`, officerId: chief.id, stationId } as Principal,
      centre: { role: 'centre', userId: `u-${s}admin`, adminId: `${s}admin`, centreId } as Principal,
    };
    sides[s] = {
      centreId,
      stationId,
      officers,
      chief,
      principals,
      tokens: {
        officer: await issueAccessToken(principals.officer),
        officer2: await issueAccessToken({ role: 'officer', userId: `u-${s}of2`, officerId: officers[1].id, stationId }),
        chief: await issueAccessToken(principals.chief),
        centre: await issueAccessToken(principals.centre),
      },
    };
  }
  await writeItems(items);
  return sides;
}

/** A new WeChat user who has not registered anything yet, and their token. */
export async function guest(id: string): Promise<{ user: UserRecord; token: string }> {
  const u = user(id, 'guest');
  await writeItems([userItem(u), openidItem(u)]);
  return { user: u, token: await issueAccessToken({ role: 'guest', userId: id }) };
}

export function registration(stationId: string, serial: number, extra: Record<string, unknown> = {}) {
  return {
    name: `重庆测试${serial}号商贸有限公司`,
    creditCode: makeCreditCode(serial),
    industry: 'wholesale-retail',
    address: '重庆市渝中区解放碑民族路188号',
    stationId,
    contactName: '张经理',
    contactMobile: nextMobile(),
    employeeCount: 25,
    ...extra,
  };
}
