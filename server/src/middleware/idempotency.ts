// Idempotency-Key on POST writes. A phone on a weak network retries a submission it never saw answered; with
// a key, the retry gets the first answer instead of acting again. The key is claimed in the database (a
// pending row, unique per user and key) before the route acts, so two requests with one key never both act,
// on any instance sharing the database; the loser waits for the first answer, or is told it is in progress.
// Only signed-in requests with a JSON (or no) body are kept: an anonymous caller has no scope a key could be
// kept in, and sign-in answers hold a session token that must not be stored.
import crypto from 'node:crypto';
import { Stream } from 'node:stream';
import type { Middleware } from 'koa';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { AppState } from '../lib/context';
import { AppError, badInput, conflict } from '../lib/errors';
import type { Clock } from '../lib/time';

export interface IdempotencyOptions {
  prisma: Db;
  clock: Clock;
  /** Path prefixes whose answers are never kept (sign-in: the answer is a session token). */
  skip?: readonly string[];
  /** How long a repeat waits for the first request with its key to finish before answering 409. */
  waitMs?: number;
  /** How long a first answer is kept; after that the key may be used afresh. */
  ttlMs?: number;
  /** A claim left pending this long belongs to a request whose process died; it may be taken over. */
  staleMs?: number;
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer that is the stored first answer, not a new action. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

// Printable ASCII without spaces: a UUID, a ULID or any client-made token.
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const POLL_MS = 20;

/** JSON with object keys sorted, so the same body sent with its fields in another order is the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Answers worth keeping: a success or the client's own mistake; not a server fault or a rate limit. */
const keepable = (status: number) => status < 500 && status !== 429 && status !== 404;

/** A JSON answer (object, array or none); a file or stream is not kept. */
function jsonAnswer(body: unknown): body is object | null | undefined {
  if (body === null || body === undefined) return true;
  if (typeof body !== 'object' || Buffer.isBuffer(body) || body instanceof Stream) return false;
  const proto = Object.getPrototypeOf(body) as unknown;
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Claim = { kind: 'claimed'; id: string } | { kind: 'replay'; status: number; answer: string | null };

export function idempotency({
  prisma,
  clock,
  skip = [],
  waitMs = 10_000,
  ttlMs = 24 * 3600_000,
  staleMs = 30_000,
}: IdempotencyOptions): Middleware<AppState> {
  let lastPurge = 0;

  async function claim(userId: string, key: string, method: string, path: string, bodyHash: string): Promise<Claim> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const now = clock();
      try {
        const row = await prisma.idempotencyKey.create({
          data: { userId, key, method, path, bodyHash, state: 'pending', createdAt: now, updatedAt: now },
          select: { id: true },
        });
        return { kind: 'claimed', id: row.id };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      const row = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
      if (!row) continue; // the first request failed and let the key go: claim it again
      const expired = now.getTime() - row.createdAt.getTime() > ttlMs;
      const abandoned = row.state === 'pending' && now.getTime() - row.updatedAt.getTime() > staleMs;
      if (expired || abandoned) {
        // Take over the row as read: of two requests taking it over, only one matches.
        const taken = await prisma.idempotencyKey.updateMany({
          where: { id: row.id, updatedAt: row.updatedAt },
          data: {
            method,
            path,
            bodyHash,
            state: 'pending',
            status: null,
            answer: null,
            createdAt: now,
            updatedAt: now,
          },
        });
        if (taken.count === 1) return { kind: 'claimed', id: row.id };
        continue;
      }
      if (row.method !== method || row.path !== path || row.bodyHash !== bodyHash) {
        throw new AppError(
          422,
          'idempotency-key-reused',
          '这个防重复提交编号已经用于另一份不同的提交。如果要提交新的内容，请换一个新的编号再试。',
        );
      }
      if (row.state === 'done' && row.status !== null) {
        return { kind: 'replay', status: row.status, answer: row.answer };
      }
      if (Date.now() >= deadline) {
        throw conflict('idempotency-in-progress', '这份提交正在处理中，请稍等片刻再查看结果，不用重复提交。');
      }
      await sleep(POLL_MS);
    }
  }

  async function keep(id: string, status: number, body: unknown): Promise<void> {
    try {
      await prisma.idempotencyKey.update({
        where: { id },
        data: {
          state: 'done',
          status,
          answer: body === undefined || body === null ? null : JSON.stringify(body),
          updatedAt: clock(),
        },
      });
    } catch {
      // The action is done and its answer goes out; the claim stays pending, so a repeat is told it is in
      // progress until the claim is stale, rather than this answer becoming a failure.
    }
  }

  async function release(id: string): Promise<void> {
    await prisma.idempotencyKey.deleteMany({ where: { id, state: 'pending' } }).catch(() => undefined);
  }

  async function purge(): Promise<void> {
    const now = clock().getTime();
    if (now - lastPurge < 3600_000) return;
    lastPurge = now;
    await prisma.idempotencyKey
      .deleteMany({ where: { createdAt: { lt: new Date(now - ttlMs) } } })
      .catch(() => undefined);
  }

  return async (ctx, next) => {
    if (ctx.method !== 'POST') return next();
    const key = ctx.get(IDEMPOTENCY_HEADER);
    const user = ctx.state.user;
    if (!key || !user || skip.some((p) => ctx.path.startsWith(p))) return next();
    // A multipart upload is streamed by its route; its body cannot be compared before the route reads it.
    if (ctx.state.bodyKind !== 'json' && ctx.state.bodyKind !== 'none') return next();
    if (!KEY_FORMAT.test(key)) {
      throw badInput(
        '请求头中的防重复提交编号（Idempotency-Key）格式不对：请用 1 到 255 个字母、数字或符号，不含空格和中文。',
      );
    }
    void purge();
    const bodyHash = sha256(canonical(ctx.request.body));
    const got = await claim(user.id, key, ctx.method, ctx.path, bodyHash);
    if (got.kind === 'replay') {
      ctx.status = got.status;
      if (got.answer !== null) ctx.body = JSON.parse(got.answer) as unknown;
      ctx.set(REPLAYED_HEADER, 'true');
      return;
    }
    try {
      await next();
    } catch (err) {
      if (err instanceof AppError && keepable(err.status)) {
        await keep(got.id, err.status, { error: { code: err.code, message: err.message, details: err.details } });
      } else {
        await release(got.id);
      }
      throw err;
    }
    if (keepable(ctx.status) && jsonAnswer(ctx.body)) await keep(got.id, ctx.status, ctx.body);
    else await release(got.id);
  };
}
