/**
 * The shape of a route declaration, shared by the registry (routes.ts) and the module route files
 * (shared/api/routes/<module>.ts) it spreads in.
 */
import type { z } from 'zod';
import type { Role } from '../schemas/auth';

/** Lambda function a route belongs to: functions are grouped by resource. */
export type RouteGroup = 'meta' | 'auth' | 'stations' | 'officers' | 'enterprises' | 'appeals' | 'bookings' | 'notifications' | 'bulletins' | 'knowledge' | 'fieldwork' | 'reports';

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
}

export const ALL: readonly Role[] = ['guest', 'enterprise', 'officer', 'chief', 'centre'];
export const POLICE: readonly Role[] = ['officer', 'chief', 'centre'];
export const MANAGERS: readonly Role[] = ['chief', 'centre'];
export const SEES_ENTERPRISE: readonly Role[] = ['enterprise', 'officer', 'chief', 'centre'];

export const r = <T extends RouteSpec>(spec: T) => spec;
