/**
 * Every HTTP route of the API, declared once: method, path, the roles it admits, the zod schemas of its
 * body, query and response. The mini-program's request layer parses with it, OpenAPI is generated from it,
 * infra/routes.js gives each function its events from it, and tests walk it (every route x every role x
 * foreign ids). It is the union of the group tables in shared/api/routes/: each Lambda validates with its
 * own table only, so no bundle carries the schemas of the whole API.
 */
import type { z } from 'zod';
import { ErrorBody, Ok } from '../schemas/common';
import type { GroupRoutes, RouteGroup, RouteSpec } from './route-spec';
import { appealRoutes } from './routes/appeals';
import { authRoutes } from './routes/auth';
import { bookingRoutes } from './routes/bookings';
import { bulletinRoutes } from './routes/bulletins';
import { enterpriseRoutes } from './routes/enterprises';
import { evidenceRoutes } from './routes/evidence';
import { fieldworkRoutes } from './routes/fieldwork';
import { knowledgeRoutes } from './routes/knowledge';
import { metaRoutes } from './routes/meta';
import { notificationRoutes } from './routes/notifications';
import { officerRoutes } from './routes/officers';
import { reportRoutes } from './routes/reports';
import { stationRoutes } from './routes/stations';

export type { GroupRoutes, RouteGroup, RouteSpec };
export { routeKey } from './route-spec';
export { BookingRecord, BookingServicesView, BookingSlotsQuery, BookingView, CloseDayBody, CloseSlotBody, ClosureResult, StationBookingSchedule, StationBookingsQuery } from './routes/bookings';

/**
 * Each Lambda function's routes, one table per group (shared/api/routes/<group>.ts). A handler imports only
 * its own table; everything that needs the whole API (the mini-program, OpenAPI, infra, tests) uses `routes`.
 */
export const routeGroups = {
  meta: metaRoutes,
  auth: authRoutes,
  stations: stationRoutes,
  officers: officerRoutes,
  enterprises: enterpriseRoutes,
  appeals: appealRoutes,
  bookings: bookingRoutes,
  notifications: notificationRoutes,
  bulletins: bulletinRoutes,
  knowledge: knowledgeRoutes,
  fieldwork: fieldworkRoutes,
  reports: reportRoutes,
  evidence: evidenceRoutes,
} satisfies { [G in RouteGroup]: GroupRoutes<G> };

/** Every route, by name (names are unique across groups: tests/shared/api/route-groups.test.ts). */
export const routes = {
  ...metaRoutes,
  ...authRoutes,
  ...stationRoutes,
  ...officerRoutes,
  ...enterpriseRoutes,
  ...appealRoutes,
  ...bookingRoutes,
  ...notificationRoutes,
  ...bulletinRoutes,
  ...knowledgeRoutes,
  ...fieldworkRoutes,
  ...reportRoutes,
  ...evidenceRoutes,
} satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof routes;
export type RouteBody<N extends RouteName> = (typeof routes)[N] extends { body: infer B extends z.ZodType } ? z.input<B> : never;
export type RouteResponse<N extends RouteName> = z.output<(typeof routes)[N]['response']>;

export const routesOf = (group: RouteGroup) => Object.entries(routes as Record<string, RouteSpec>).filter(([, s]) => s.group === group);

export { ErrorBody, Ok };
