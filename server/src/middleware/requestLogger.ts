import type { Middleware } from 'koa';
import type { AppContext, AppState } from '../lib/context';
import { maskIdNumber, maskPersonalData, maskPhone } from '../lib/personal';

export interface Logger {
  info(line: string): void;
  error(ctx: AppContext, err: unknown): void;
}

/** Writes one line per request; lines are masked before they leave (id numbers, phones, codes, tokens). */
export function createLogger(write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  return {
    info: (line) => write(maskPersonalData(line)),
    error: (ctx, err) => {
      const text = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
      write(maskPersonalData(`ERROR ${ctx.state.requestId} ${ctx.method} ${ctx.path} ${text}`));
    },
  };
}

const SECRET_KEYS = new Set(['code', 'token', 'password']);

/** A masked copy of a request body for the log: secrets removed, personal numbers masked. */
export function maskBody(value: unknown, key = ''): unknown {
  if (SECRET_KEYS.has(key)) return '[redacted]';
  if (typeof value === 'string') {
    if (/idnumber/i.test(key)) return maskIdNumber(value);
    if (/phone/i.test(key)) return maskPhone(value);
    return maskPersonalData(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskBody(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskBody(v, k)]));
  }
  return value;
}

export function requestLogger(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      const body = ctx.request.body === undefined ? '' : ' ' + JSON.stringify(maskBody(ctx.request.body));
      const who = ctx.state.user ? ` user=${ctx.state.user.id}(${ctx.state.user.role})` : '';
      logger.info(
        `${ctx.state.requestId} ${ctx.method} ${ctx.url} ${ctx.status} ${Date.now() - started}ms${who}${body.slice(0, 2000)}`,
      );
    }
  };
}
