import { buildOpenApi } from '../../shared/api/openapi';
import { config } from '../lib/config';
import { metaRoutes } from '../../shared/api/routes/meta';
import { httpHandler } from '../lib/http';
import { getCalendarYear, setCalendarYear } from '../services/calendar-service';
import { parseCalendarYear } from '../../shared/calendar/schemas';

let openapi: ReturnType<typeof buildOpenApi> | undefined;

export const handler = httpHandler(metaRoutes, {
  openapi: async () => (openapi ??= buildOpenApi({ stage: config.stage })),
  health: async () => ({ ok: true as const, stage: config.stage }),
  getCalendarYear: ({ params, now }) => getCalendarYear(parseCalendarYear(params.year), now),
  setCalendarYear: ({ caller, params, body, now }) => setCalendarYear(caller, parseCalendarYear(params.year), body, now),
});
