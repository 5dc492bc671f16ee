/**
 * The shape of a route declaration, shared by the registry (routes.ts) and the route files it is made of
 * (shared/api/routes/<group>.ts, one table per Lambda function, some spreading in a module's file).
 */
import type { z } from 'zod';
import type { Role } from '../schemas/auth';

/** Lambda function a route belongs to: functions are grouped by resource. */
export type RouteGroup = 'meta' | 'auth' | 'stations' | 'officers' | 'enterprises' | 'appeals' | 'bookings' | 'notifications' | 'bulletins' | 'knowledge' | 'fieldwork' | 'reports' | 'evidence';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  group: RouteGroup;
  summary: string;
  /** 'public' needs no token; otherwise the roles admitted (ownership is checked by the service). */
  roles: 'public' | readonly Role[];
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
  /** HTTP status on success. */
  status?: number;
  /** Exists only in the dev stage (demo login). */
  devOnly?: boolean;
  /**
   * Creates or acts (not safely repeatable): honours the Idempotency-Key header — the first answer is
   * stored for 24 h and replayed for a retry with the same key (functions/lib/idempotency.ts).
   */
  idempotent?: boolean;
  /**
   * Writes personal data (隐私保护指引): refused with 403 CONSENT_REQUIRED while the caller has not agreed to
   * the current version of the privacy guide (functions/lib/http.ts).
   */
  personalData?: boolean;
}

export const ALL: readonly Role[] = ['guest', 'enterprise', 'officer', 'chief', 'centre'];
export const POLICE: readonly Role[] = ['officer', 'chief', 'centre'];
export const MANAGERS: readonly Role[] = ['chief', 'centre'];
export const SEES_ENTERPRISE: readonly Role[] = ['enterprise', 'officer', 'chief', 'centre'];

/** API Gateway route key, e.g. "POST /enterprises/{enterpriseId}/reassign". */
export const routeKey = (spec: Pick<RouteSpec, 'method' | 'path'>) => `${spec.method} ${spec.path}`;

export const r = <T extends RouteSpec>(spec: T) => spec;

/**
 * The routes one Lambda function serves, by name: every spec of the table is of that group (checked with
 * `satisfies GroupRoutes<'appeals'>`). A handler passes its table to httpHandler, so its bundle holds only
 * its own routes' schemas, not the whole registry.
 */
export type GroupRoutes<G extends RouteGroup> = Record<string, RouteSpec & { group: G }>;
