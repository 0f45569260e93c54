import type { Middleware } from 'koa';
import type { AppContext, AppState } from '../lib/context';
import { maskIdNumber, maskPersonalData, maskPhone } from '../lib/personal';

export interface Logger {
  info(line: string): void;
  error(ctx: AppContext, err: unknown): void;
}

/** Writes one line per request; lines are masked before they leave (id numbers, phones, codes, tokens). */
/**
 * Lines written together once per turn of the event loop: one write for many requests under load instead of
 * a synchronous write each (stdout to a file or pipe is synchronous in Node).
 */
export function batchedWriter(out: NodeJS.WritableStream = process.stdout): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('\n') + '\n';
    pending = [];
    out.write(text);
  };
  process.once('exit', () => {
    if (pending.length) flush();
  });
  return (line) => {
    if (pending.push(line) === 1) setImmediate(flush);
  };
}

export function createLogger(write: (line: string) => void = batchedWriter()): Logger {
  return {
    info: (line) => write(maskPersonalData(line)),
    error: (ctx, err) => {
      const text = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
      write(maskPersonalData(`ERROR ${ctx.state.requestId} ${ctx.method} ${ctx.path} ${text}`));
    },
  };
}

const SECRET_KEYS = new Set(['code', 'token', 'password']);

/** Deeper than this, a logged body shows a marker instead (bodies are bounded earlier; logs never recurse far). */
const LOG_DEPTH = 8;

/** A masked copy of a request body for the log: secrets removed, personal numbers masked, depth bounded. */
export function maskBody(value: unknown, key = '', depth = 0): unknown {
  if (SECRET_KEYS.has(key)) return '[redacted]';
  if (typeof value === 'string') {
    if (/idnumber/i.test(key)) return maskIdNumber(value);
    if (/phone/i.test(key)) return maskPhone(value);
    return maskPersonalData(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= LOG_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((v) => maskBody(v, '', depth + 1));
  // No prototype: a "__proto__" key stays a plain field.
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(value)) out[k] = maskBody((value as Record<string, unknown>)[k], k, depth + 1);
  return out;
}

export function requestLogger(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      // A pure calculation's question (region, grade, bill) is not logged when it was answered: it is the
      // busiest call and holds nothing to trace. Refusals keep their body, to see what was refused.
      const quiet = ctx.request.body === undefined || (ctx.state.pure && ctx.status < 400);
      const body = quiet ? '' : ' ' + JSON.stringify(maskBody(ctx.request.body));
      const who = ctx.state.user ? ` user=${ctx.state.user.id}(${ctx.state.user.role})` : '';
      logger.info(
        `${ctx.state.requestId} ${ctx.method} ${ctx.url} ${ctx.status} ${Date.now() - started}ms${who}${body.slice(0, 2000)}`,
      );
    }
  };
}
