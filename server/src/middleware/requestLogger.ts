import type { Middleware } from 'koa';
import type { AppContext, AppState } from '../lib/context';
import { maskIdNumber, maskPersonalData, maskPhone } from '../lib/personal';

/**
 * Structured logs: one JSON object a line (`time`, `level`, `msg` and the fields of the event), so a log
 * collector can filter by status, route or request id. Every line is masked before it leaves (id numbers,
 * phones; codes and tokens never enter it).
 */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(ctx: AppContext | undefined, err: unknown): void;
}

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
  // The masking runs on the whole line, after serialisation: a number inside any field is caught, and the
  // masks (digits to *) keep the JSON valid.
  const emit = (level: 'info' | 'error', msg: string, fields?: Record<string, unknown>) =>
    write(maskPersonalData(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })));
  return {
    info: (msg, fields) => emit('info', msg, fields),
    error: (ctx, err) => {
      const e = err instanceof Error ? err : null;
      emit('error', e ? `${e.name}: ${e.message}` : String(err), {
        ...(ctx ? { req: ctx.state.requestId, method: ctx.method, path: ctx.path } : {}),
        ...(e?.stack ? { stack: e.stack } : {}),
      });
    },
  };
}

/** What a logged body may take of a line. */
const BODY_CHARS = 2000;

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
      const user = ctx.state.user;
      const fields: Record<string, unknown> = {
        req: ctx.state.requestId,
        method: ctx.method,
        url: ctx.url,
        status: ctx.status,
        ms: Date.now() - started,
      };
      if (user) Object.assign(fields, { user: user.id, role: user.role });
      if (!quiet) {
        const body = maskBody(ctx.request.body);
        // A large body is cut to its first characters, as text.
        const text = JSON.stringify(body) ?? '';
        fields.body = text.length > BODY_CHARS ? text.slice(0, BODY_CHARS) + '…' : body;
      }
      logger.info('request', fields);
    }
  };
}
