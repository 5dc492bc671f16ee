/** The `meta` function: API description, health, and the working calendar (calendar.ts). */
import { z } from 'zod';
import { r, type GroupRoutes } from '../route-spec';
import { calendarRoutes } from './calendar';

export const metaRoutes = {
  openapi: r({ method: 'GET', path: '/openapi.json', group: 'meta', summary: 'OpenAPI 文档', roles: 'public', response: z.record(z.string(), z.unknown()) }),
  health: r({ method: 'GET', path: '/health', group: 'meta', summary: '健康检查', roles: 'public', response: z.object({ ok: z.literal(true), stage: z.string() }) }),
  ...calendarRoutes,
} satisfies GroupRoutes<'meta'>;
