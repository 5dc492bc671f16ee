import { z } from 'zod';
import { ErrorBody } from '../schemas/common';
import { ROLE_LABELS } from '../schemas/auth';
import { routes, type RouteSpec } from './routes';

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });

/** OpenAPI 3.0 document generated from the route registry and its zod schemas. */
export function buildOpenApi(options: { stage: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, spec] of Object.entries(routes as Record<string, RouteSpec>)) {
    if (spec.devOnly && options.stage !== 'dev') continue;
    const params = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = spec.query ? queryParameters(spec.query) : [];
    const idempotency = spec.idempotent
      ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: '每次用户操作一个编号，重试时沿用：24 小时内同一编号只执行一次并返回首次结果', schema: { type: 'string', minLength: 1, maxLength: 128 } }]
      : [];
    const roles = spec.roles === 'public' ? '无需登录' : spec.roles.map((r) => ROLE_LABELS[r]).join('、');
    paths[spec.path] ??= {};
    paths[spec.path][spec.method.toLowerCase()] = {
      operationId: name,
      summary: spec.summary,
      description: `角色：${roles}`,
      tags: [spec.group],
      ...(spec.roles === 'public' ? {} : { security: [{ bearer: [] }] }),
      parameters: [...params, ...query, ...idempotency],
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(spec.body, 'input') } } } } : {}),
      responses: {
        [String(spec.status ?? 200)]: { description: '成功', content: { 'application/json': { schema: json(spec.response, 'output') } } },
        '400': errorResponse('请求参数不正确（issues 列出每个字段）'),
        ...(spec.roles === 'public' ? {} : { '401': errorResponse('未登录或会话过期'), '403': errorResponse('无权限') }),
        '404': errorResponse('不存在或无权查看'),
        '409': errorResponse('状态冲突（已被他人修改、重复提交）'),
        ...(spec.idempotent ? { '422': errorResponse('同一 Idempotency-Key 已用于内容不同的请求') } : {}),
        '500': errorResponse('服务器内部错误（附 requestId）'),
        '503': errorResponse('系统繁忙，请稍后再试（附 Retry-After）'),
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: '助企直通车 API', version: '1.0.0', description: '派出所助企服务小程序后端。错误信息为中文，可直接展示给用户。' },
    servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: json(ErrorBody, 'output') } } };
}

function queryParameters(schema: z.ZodType) {
  const doc = json(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(doc.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: doc.required?.includes(name) ?? false, schema: s }));
}
