// A route registry: each route is declared once with its zod schemas and roles, which gives both
// the Koa route (auth → role → validation → handler) and its entry in the OpenAPI document.
import Router from '@koa/router';
import type { Middleware } from 'koa';
import { z } from 'zod';
import type { AppContext, AppState } from './context';
import type { Role } from './roles';
import { requireRole } from '../middleware/auth';
import { unsupportedBody } from '../middleware/body';
import { validate } from '../middleware/validate';

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
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
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

/** The OpenAPI 3.1 document of every registered route. */
export function openApiDocument(specs: readonly AnySpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = '/api/v1' + spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: s,
        });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = r.schema
        ? {
            description: r.description,
            content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.schema, 'output') } },
          }
        : r.contentType
          ? { description: r.description, content: { [r.contentType]: {} } }
          : { description: r.description };
    }
    const errors: Record<string, string> = { '400': '输入有误' };
    if (spec.roles) Object.assign(errors, { '401': '未登录或登录已过期', '403': '角色无权办理' });
    if (spec.params) errors['404'] = '不存在或不在您的办理范围内';
    for (const [status, description] of Object.entries(errors)) {
      responses[status] ??= {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    let requestBody: unknown;
    if (spec.multipart) {
      const properties: Record<string, unknown> = { file: { type: 'string', format: 'binary' } };
      for (const [name, s] of Object.entries(spec.multipart.fields)) properties[name] = jsonSchema(s, 'input');
      requestBody = {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties } } },
      };
    } else if (spec.body ?? spec.bodyDoc) {
      const schema = jsonSchema((spec.body ?? spec.bodyDoc)!, 'input');
      requestBody = { required: true, content: { 'application/json': { schema } } };
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
