// Reads a JSON request body: bounded in size and depth (counted before parsing), UTF-8 only, and every text
// through the input gate (lib/input.ts). A multipart body is left to the upload route; any other type is
// not read, and a route that takes JSON refuses it (lib/api.ts), so a body is never silently ignored.
import type { Middleware } from 'koa';
import type { AppState } from '../lib/context';
import { AppError, badInput } from '../lib/errors';
import { inputProblem, jsonDepthExceeds, MAX_DEPTH } from '../lib/input';

declare module 'koa' {
  interface Request {
    /** The parsed JSON body (or a multipart request's fields); undefined when none was sent. */
    body?: unknown;
  }
}

export type BodyKind = 'none' | 'json' | 'multipart' | 'other';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\b/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

export const unsupportedBody = () =>
  new AppError(
    415,
    'unsupported-media-type',
    '请用 JSON 格式提交（请求头 Content-Type: application/json，UTF-8 编码）。',
  );

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && Number(length) > 0;
}

function readBody(req: NodeJS.ReadableStream, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onError);
      req.removeListener('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        // Stop buffering; the rest of the body is discarded by Node when the response ends.
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onAborted = () => {
      cleanup();
      reject(badInput('提交的内容没有传完整，请重试。'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

const tooLarge = () => new AppError(413, 'payload-too-large', '提交的内容太大，请精简后再试。');

export function jsonBody(limitBytes = 1024 * 1024): Middleware<AppState> {
  return async (ctx, next) => {
    const headers = ctx.req.headers;
    if (!hasBody(headers)) {
      ctx.state.bodyKind = 'none';
      return next();
    }
    const type = headers['content-type'] ?? '';
    if (MULTIPART_TYPE.test(type)) {
      ctx.state.bodyKind = 'multipart';
      return next();
    }
    if (!JSON_TYPE.test(type)) {
      ctx.state.bodyKind = 'other';
      return next();
    }
    const charset = CHARSET.exec(type)?.[1].toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') throw unsupportedBody();
    const encoding = headers['content-encoding'];
    if (encoding && encoding !== 'identity') throw unsupportedBody();
    if (Number(headers['content-length']) > limitBytes) throw tooLarge();
    const text = (await readBody(ctx.req, limitBytes)).toString('utf8');
    ctx.state.bodyKind = 'json';
    if (text.trim() === '') return next();
    if (jsonDepthExceeds(text)) {
      throw badInput(`提交的内容层级太深（最多${MAX_DEPTH}层），请检查格式。`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badInput('请求内容不是有效的 JSON，请检查格式。');
    }
    const problem = inputProblem(parsed);
    if (problem?.kind === 'too-deep') throw badInput(`提交的内容层级太深（最多${MAX_DEPTH}层），请检查格式。`);
    if (problem?.kind === 'text') {
      const { path, message } = problem.detail;
      throw badInput(`提交的内容有误：${path ? path + ' ' : ''}${message}`, [problem.detail]);
    }
    ctx.request.body = parsed;
    ctx.state.rawBody = text;
    await next();
  };
}
