/**
 * The authorization matrix (tests/functions/authorization.test.ts) is assembled from one file per module
 * here, so a module's routes, its foreign records and its cases live together.
 */
import type { RouteName } from '../../../shared/api/routes';
import type { Role } from '../../../shared/schemas/auth';
import type { call } from '../../support/http';
import type { Side } from '../../support/fixtures';

/** The ids a case aims at: another station's (foreign) or a colleague's of the same station. */
export type Ids = { stationId: string; officerId: string; enterpriseId: string; version: number; appealId: string; bookingId: string } & Record<string, string | number>;
export type Case = { params?: (ids: Ids) => Record<string, string>; body?: (ids: Ids) => unknown; query?: Record<string, string> };
export type CaseEntry = Case | 'public' | 'self';

export type Handler = Parameters<typeof call>[0];

/** What the matrix has built before the modules' setup runs. */
export interface AuthzContext {
  /** Station A (the callers' station) and station B (the foreign one), with officers and tokens. */
  a: Side;
  b: Side;
  tokens: Record<Exclude<Role, 'centre'>, string>;
  /** Enterprise of station A whose officer is the caller officer; its owner's session. */
  entA: { id: string; officerId: string; accessToken: string; userId: string };
  /** Enterprise of station B; its owner's session. */
  entB: { id: string; officerId: string; accessToken: string; userId: string };
  /** Enterprise of station A held by a colleague of the caller officer. */
  entA2: { id: string; officerId: string; accessToken: string; userId: string };
  appealB: string;
  appealA2: string;
}

export interface AuthzModule {
  /** Lambda handlers by route group. */
  handlers: Record<string, Handler>;
  /** One entry per route of the module. */
  cases: Partial<Record<RouteName, CaseEntry>>;
  /**
   * Further request shapes of a route, walked for every role like the route's own case (e.g. an upload
   * form for a visit, beside the one for a message). `enterpriseScoped`: also aimed at a colleague's enterprise.
   */
  variants?: { route: RouteName; label: string; case: Case; enterpriseScoped?: boolean }[];
  /** Creates the module's foreign records; returns the extra ids the cases use (e.g. { bulletinId }). */
  setup?: (ctx: AuthzContext) => Promise<{ foreign: Record<string, string>; colleagues: Record<string, string> }>;
}
