/**
 * Who a bulletin is addressed to, and who may address whom (pure; the service checks the enterprises of a
 * chosen set against the caller before publishing):
 *   liaison officer -> their whole station, or chosen enterprises among their own
 *   station chief   -> their station, one industry within their station, or chosen enterprises of their station
 *   centre          -> all enterprises, any stations, one industry (district-wide or within a station), chosen enterprises
 */
import { z } from 'zod';
import { INDUSTRY_IDS, INDUSTRY_LABELS, type IndustryId } from '../domain/industries';
import type { Principal } from '../domain/principal';
import { Id } from '../schemas/common';

export const MAX_CHOSEN_ENTERPRISES = 200;

export const Audience = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('all') }),
    z.object({
      type: z.literal('stations'),
      stationIds: z
        .array(Id('派出所'), { error: '请选择派出所' })
        .min(1, '请至少选择一个派出所')
        .max(200, '派出所最多200个')
        .transform((ids) => [...new Set(ids)]),
    }),
    z.object({ type: z.literal('industry'), industry: z.enum(INDUSTRY_IDS, { error: '请从列表中选择行业' }), stationId: Id('派出所').optional() }),
    z.object({
      type: z.literal('enterprises'),
      enterpriseIds: z
        .array(Id('企业'), { error: '请选择企业' })
        .min(1, '请至少选择一家企业')
        .max(MAX_CHOSEN_ENTERPRISES, `一次最多选择${MAX_CHOSEN_ENTERPRISES}家企业`)
        .transform((ids) => [...new Set(ids)]),
    }),
  ],
  { error: '请选择发送范围' },
);
export type Audience = z.infer<typeof Audience>;

/** Why this caller may not address this audience, or null. Chosen enterprises are checked one by one by the service. */
export function audienceProblem(p: Principal, a: Audience): string | null {
  switch (p.role) {
    case 'officer':
      if (a.type === 'stations' && a.stationIds.length === 1 && a.stationIds[0] === p.stationId) return null;
      if (a.type === 'enterprises') return null;
      return '联络官只能向本所全部企业或自己联系的企业发送';
    case 'chief':
      if (a.type === 'stations' && a.stationIds.length === 1 && a.stationIds[0] === p.stationId) return null;
      if (a.type === 'industry' && a.stationId === p.stationId) return null;
      if (a.type === 'enterprises') return null;
      return '所长只能向本所辖区企业发送（全部、某一行业或选定企业）';
    case 'centre':
      return null;
    default:
      return '您没有发布通知的权限';
  }
}

/** A chosen enterprise this caller may address. */
export function canAddressEnterprise(p: Principal, e: { stationId: string; officerId: string }): boolean {
  if (p.role === 'officer') return e.officerId === p.officerId;
  if (p.role === 'chief') return e.stationId === p.stationId;
  return p.role === 'centre';
}

/** Does this audience include this enterprise? (the definition the fan-out must agree with) */
export function addresses(a: Audience, e: { id: string; stationId: string; industry: string }): boolean {
  switch (a.type) {
    case 'all':
      return true;
    case 'stations':
      return a.stationIds.includes(e.stationId);
    case 'industry':
      return e.industry === a.industry && (!a.stationId || a.stationId === e.stationId);
    case 'enterprises':
      return a.enterpriseIds.includes(e.id);
  }
}

export function describeAudience(a: Audience, names: { station?: (id: string) => string | undefined } = {}): string {
  const station = (id: string) => names.station?.(id) ?? id;
  switch (a.type) {
    case 'all':
      return '全部企业';
    case 'stations':
      return a.stationIds.length === 1 ? `${station(a.stationIds[0])}辖区企业` : `${a.stationIds.length}个派出所辖区企业`;
    case 'industry':
      return `${a.stationId ? station(a.stationId) : '全区'}${INDUSTRY_LABELS[a.industry as IndustryId]}企业`;
    case 'enterprises':
      return `选定的${a.enterpriseIds.length}家企业`;
  }
}
