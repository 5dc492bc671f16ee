import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { routes, type RouteName } from '../../shared/api/routes';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

export type Reply<T = any> = { status: number; body: T; headers?: Record<string, string> };

/** Invoke a Lambda handler the way API Gateway HTTP API (payload v2) would, for one registry route. */
export async function call<T = any>(
  handler: Handler,
  route: RouteName,
  options: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; token?: string; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const spec = routes[route];
  const rawPath = spec.path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(options.params?.[name] ?? ''));
  const event = {
    version: '2.0',
    routeKey: `${spec.method} ${spec.path}`,
    rawPath,
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    queryStringParameters: options.query,
    pathParameters: options.params,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    isBase64Encoded: false,
    requestContext: { requestId: `test-${Math.random().toString(36).slice(2)}`, http: { method: spec.method, path: rawPath } },
  } as unknown as APIGatewayProxyEventV2;
  const result = (await handler(event)) as { statusCode: number; body: string; headers?: Record<string, string> };
  const reply: Reply<T> = { status: result.statusCode, body: JSON.parse(result.body) };
  // Not enumerable: tests that compare whole replies (toEqual) keep comparing status and body only.
  Object.defineProperty(reply, 'headers', { value: result.headers ?? {}, enumerable: false });
  return reply;
}
