import { buildOpenApi } from '../../shared/api/openapi';
import { config } from '../lib/config';
import { httpHandler } from '../lib/http';

let openapi: ReturnType<typeof buildOpenApi> | undefined;

export const handler = httpHandler({
  openapi: async () => (openapi ??= buildOpenApi({ stage: config.stage })),
  health: async () => ({ ok: true as const, stage: config.stage }),
});
