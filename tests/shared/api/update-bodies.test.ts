/**
 * Every update (PATCH) body needs at least one field besides `version`: a version alone would build an
 * empty update expression in DynamoDB (a 500). Walks the registry, so a PATCH route added later is covered.
 */
import type { z } from 'zod';
import { routes } from '../../../shared/api/routes';

const patches = Object.entries(routes as Record<string, { method: string; body?: z.ZodType }>).filter(([, r]) => r.method === 'PATCH');

it('there are PATCH routes to check', () => {
  expect(patches.length).toBeGreaterThanOrEqual(2);
});

it.each(patches.map(([name, r]) => [name, r.body!] as const))('%s refuses a body with only a version, in Chinese', (_name, body) => {
  const result = body.safeParse({ version: 3 });
  expect(result.success).toBe(false);
  expect(result.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
});
