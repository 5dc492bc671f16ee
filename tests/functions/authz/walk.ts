/** Walks every GET route a role may call, aimed at the caller's own records (used by the complaint and masking tests). */
import { routes, type RouteName, type RouteSpec } from '../../../shared/api/routes';
import type { Role } from '../../../shared/schemas/auth';
import { handler as appeals } from '../../../functions/handlers/appeals';
import { handler as auth } from '../../../functions/handlers/auth';
import { handler as bookings } from '../../../functions/handlers/bookings';
import { handler as bulletins } from '../../../functions/handlers/bulletins';
import { handler as enterprises } from '../../../functions/handlers/enterprises';
import { handler as evidence } from '../../../functions/handlers/evidence';
import { handler as fieldwork } from '../../../functions/handlers/fieldwork';
import { handler as knowledge } from '../../../functions/handlers/knowledge';
import { handler as meta } from '../../../functions/handlers/meta';
import { handler as notifications } from '../../../functions/handlers/notifications';
import { handler as officers } from '../../../functions/handlers/officers';
import { handler as reports } from '../../../functions/handlers/reports';
import { handler as stations } from '../../../functions/handlers/stations';
import { call } from '../../support/http';

const HANDLERS: Record<string, Parameters<typeof call>[0]> = { appeals, auth, bookings, bulletins, enterprises, evidence, fieldwork, knowledge, meta, notifications, officers, reports, stations };
const NOW = new Date();
export const MONTH = { from: new Date(NOW.getTime() - 20 * 86_400_000).toISOString().slice(0, 10), to: new Date(NOW.getTime() + 2 * 86_400_000).toISOString().slice(0, 10) };

/**
 * Every GET route `role` may call, aimed at the caller's own records (its station, its officer id, the
 * enterprise it serves, the complaint's id where a route takes an appeal): the bodies, joined.
 */
export async function everyListAs(
  role: Role,
  token: string,
  ids: Record<string, string>,
  extraQuery: Partial<Record<RouteName, Record<string, string>>> = {},
): Promise<{ route: string; status: number; body: any; text: string }[]> {
  const out = [];
  for (const [name, spec] of Object.entries(routes) as [RouteName, RouteSpec][]) {
    if (spec.method !== 'GET' || spec.roles === 'public' || !(spec.roles as readonly Role[]).includes(role)) continue;
    const params = Object.fromEntries([...spec.path.matchAll(/\{(\w+)\}/g)].map(([, p]) => [p, ids[p] ?? 'none']));
    const query: Record<string, string> = name === 'stationQueue' || name === 'centreQueue' ? { view: 'open' } : /stats|export/i.test(name) ? { ...MONTH } : name === 'listStationBookings' ? { date: MONTH.to } : {};
    if (name === 'exportRiskReport') Object.assign(query, { quarter: '2026Q4' });
    Object.assign(query, extraQuery[name]);
    const reply = await call(HANDLERS[spec.group], name, { token, params, query });
    out.push({ route: name, status: reply.status, body: reply.body, text: JSON.stringify(reply.body) });
    if (name === 'stationQueue') {
      for (const view of ['new', 'due_today', 'overdue', 'escalated', 'unassigned', 'awaiting_rating']) {
        const r = await call(appeals, 'stationQueue', { token, params, query: { view } });
        out.push({ route: `stationQueue:${view}`, status: r.status, body: r.body, text: JSON.stringify(r.body) });
      }
    }
  }
  return out;
}
