// A route registry: each route is declared once with its zod schemas and roles, which gives both
// the Koa route (auth → role → validation → handler) and its entry in the OpenAPI document.
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { AppContext, AppState } from './context';
import type { Role } from './roles';
import { requireRole } from '../middleware/auth';
import { unsupportedBody } from '../middleware/body';
import { IDEMPOTENCY_HEADER } from '../middleware/idempotency';
import { validate } from '../middleware/validate';
import RECORDED_EXAMPLES from './api-examples.json';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  method: Method;
  /** Koa path under /api/v1, e.g. '/persons/:personId'. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** Who may call it; omitted = anyone, signed in or not. */
  roles?: readonly Role[];
  body?: B;
  /** A body schema shown in the OpenAPI document but validated by the handler (the rules module). */
  bodyDoc?: z.ZodType;
  query?: Q;
  params?: P;
  /** multipart/form-data upload handled by the given middleware before validation. */
  multipart?: { middleware: Middleware<AppState>; fields: Record<string, z.ZodType> };
  /** An answer's JSON schema, or (no schema) the content types of a file it sends; 4xx without a schema are errors. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string | readonly string[] }>;
}

/**
 * Example requests and answers, keyed "method /api/v1/path", recorded from real answers by
 * server/test/openapi-responses.test.ts (UPDATE_OPENAPI_EXAMPLES=1 rewrites api-examples.json; the test fails
 * when a call has none or when one no longer fits its schema).
 */
export interface OperationExample {
  request: { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  response: { status: number; body?: unknown };
}

export interface Input<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

export type Handler<B, Q, P> = (ctx: AppContext, input: Input<B, Q, P>) => Promise<void>;

/** A route that takes JSON never ignores a body of another type (a PATCH sent as text would "succeed"). */
const refuseNonJson: Middleware<AppState> = async (ctx, next) => {
  if (ctx.state.bodyKind === 'other' || ctx.state.bodyKind === 'multipart') throw unsupportedBody();
  await next();
};

type AnySpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

/**
 * A copy of an object schema (e.g. a rules module input, validated by the rules) for the document only,
 * with a Chinese description on each field.
 */
export function describeFields<S extends z.ZodRawShape>(
  schema: z.ZodObject<S>,
  descriptions: { [K in keyof S]: string },
): z.ZodObject {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([k, s]) => [k, (s as z.ZodType).describe(descriptions[k as keyof S])]),
  );
  const strict = (schema._zod.def.catchall as z.ZodType | undefined)?._zod.def.type === 'never';
  return strict ? z.strictObject(shape) : z.object(shape);
}

export class Api {
  readonly router = new Router<AppState>({ prefix: '/api/v1' });
  readonly specs: AnySpec[] = [];

  route<B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown>(
    spec: RouteSpec<B, Q, P>,
    handler: Handler<z.output<B>, z.output<Q>, z.output<P>>,
  ): void {
    this.specs.push(spec as unknown as AnySpec);
    const chain: Middleware<AppState>[] = [];
    if (spec.roles) chain.push(requireRole(spec.roles));
    if (spec.params) chain.push(validate(spec.params, 'params'));
    if (spec.query) chain.push(validate(spec.query, 'query'));
    if (spec.multipart) chain.push(spec.multipart.middleware);
    else if (spec.body ?? spec.bodyDoc) chain.push(refuseNonJson);
    if (spec.body) chain.push(validate(spec.body, 'body'));
    chain.push(async (ctx) => {
      const v = ctx.state.valid ?? {};
      await handler(ctx as AppContext, {
        body: v.body as z.output<B>,
        query: v.query as z.output<Q>,
        params: v.params as z.output<P>,
      });
    });
    const [first, ...rest] = chain;
    this.router[spec.method](spec.path, first, ...rest);
  }
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: '给用户看的中文说明' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

/** The OpenAPI 3.1 document of every registered route, with an example request and answer per call. */
export function openApiDocument(
  specs: readonly AnySpec[],
  examples: Readonly<Record<string, OperationExample>> = RECORDED_EXAMPLES as Record<string, OperationExample>,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = '/api/v1' + spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const example = examples[`${spec.method} ${path}`];
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      const given = where === 'path' ? example?.request.params : example?.request.query;
      for (const [name, s] of Object.entries(js.properties ?? {}) as [string, { description?: string }][]) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          ...(s.description ? { description: s.description } : {}),
          schema: s,
          ...(given?.[name] !== undefined ? { example: given[name] } : {}),
        });
      }
    }
    // The idempotency middleware serves a signed-in caller's JSON POSTs, except sign-in (its answer is a token).
    const idempotent = spec.method === 'post' && !spec.multipart && !spec.path.startsWith('/auth/');
    if (idempotent) {
      parameters.push({
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: false,
        description:
          '防重复提交编号（可选，登录后有效）：同一次提交在网络不好时重发，请带上同一个编号，' +
          '服务器会直接给出第一次的结果，不会再办一次；1 到 255 个字母、数字或符号，例如一个 UUID。' +
          '24 小时内同一编号用于不同内容的提交会被拒绝（422）。',
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses) as [string, AnySpec['responses'][number]][]) {
      const types = typeof r.contentType === 'string' ? [r.contentType] : (r.contentType ?? []);
      const answer = example?.response.status === Number(status) ? example.response : undefined;
      responses[status] = r.schema
        ? {
            description: r.description,
            content: {
              [types[0] ?? 'application/json']: {
                schema: jsonSchema(r.schema, 'output'),
                ...(answer?.body !== undefined ? { example: answer.body } : {}),
              },
            },
          }
        : types.length
          ? { description: r.description, content: Object.fromEntries(types.map((t) => [t, {}])) }
          : Number(status) >= 400
            ? { description: r.description, content: ERROR_CONTENT }
            : { description: r.description };
    }
    const errors: Record<string, string> = { '400': '输入有误' };
    if (spec.roles) Object.assign(errors, { '401': '未登录或登录已过期', '403': '角色无权办理' });
    if (spec.params) errors['404'] = '不存在或不在您的办理范围内';
    if (idempotent) {
      errors['409'] = '同一防重复提交编号的第一次提交还在处理中';
      errors['422'] = '这个防重复提交编号已用于另一份不同的提交';
    }
    for (const [status, description] of Object.entries(errors)) {
      responses[status] ??= { description, content: ERROR_CONTENT };
    }
    let requestBody: unknown;
    if (spec.multipart) {
      const properties: Record<string, unknown> = {
        file: { type: 'string', format: 'binary', description: '文件本身（JPG、PNG 或 PDF）' },
      };
      for (const [name, s] of Object.entries(spec.multipart.fields)) properties[name] = jsonSchema(s, 'input');
      requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: { type: 'object', required: ['file', ...Object.keys(spec.multipart.fields)], properties },
            ...(example?.request.body !== undefined ? { example: example.request.body } : {}),
          },
        },
      };
    } else if (spec.body ?? spec.bodyDoc) {
      const schema = jsonSchema((spec.body ?? spec.bodyDoc)!, 'input');
      const body = example?.request.body;
      requestBody = {
        required: true,
        content: { 'application/json': { schema, ...(body !== undefined ? { example: body } : {}) } },
      };
    }
    paths[path] ??= {};
    paths[path][spec.method] = {
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      ...(spec.roles ? { security: [{ bearer: [] }], 'x-roles': spec.roles } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '长护通 API',
      version: '1.0.0',
      description:
        '长期护理保险自助服务接口。金额为整数“分”（字段名以 Fen 结尾），日期为 YYYY-MM-DD（北京时间）。' +
        '身份证号与手机号在答复中均为脱敏形式，仅经办人员查看单个参保人时返回完整身份证号。' +
        '不在您办理范围内的记录一律答复 404；角色本身不能办理的操作答复 403。',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '登录后获得的令牌' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
