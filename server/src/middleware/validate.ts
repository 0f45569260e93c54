import { z } from 'zod';
import type { Middleware } from 'koa';
import type { AppState } from '../lib/context';
import { badInput, type ErrorDetail } from '../lib/errors';
import { inputProblem } from '../lib/input';

// Validation messages in Chinese for the people who read them.
z.config(z.locales.zhCN());

export type RequestPart = 'body' | 'query' | 'params';

const PART_NAMES: Record<RequestPart, string> = { body: '提交的内容', query: '查询参数', params: '地址中的参数' };

export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Parses one part of the request with a zod schema and keeps the parsed value in ctx.state.valid. */
export function validate(schema: z.ZodType, part: RequestPart = 'body'): Middleware<AppState> {
  return async (ctx, next) => {
    const raw =
      part === 'body'
        ? (ctx.request.body ?? {})
        : part === 'query'
          ? ctx.query
          : (ctx as unknown as { params: unknown }).params;
    // Bodies went through the gate when read (middleware/body.ts, upload.ts); queries and path values here.
    if (part !== 'body') {
      const problem = inputProblem(raw);
      if (problem?.kind === 'text') {
        const { path, message } = problem.detail;
        throw badInput(`${PART_NAMES[part]}有误：${path ? path + ' ' : ''}${message}`, [problem.detail]);
      }
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      const details = issuesToDetails(result.error.issues);
      const first = details[0];
      throw badInput(
        `${PART_NAMES[part]}有误${first ? `：${first.path ? first.path + ' ' : ''}${first.message}` : ''}`,
        details,
      );
    }
    ctx.state.valid = { ...ctx.state.valid, [part]: result.data };
    await next();
  };
}
