import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline, Transform } from 'node:stream';
import multer from 'multer';
import type { Middleware } from 'koa';
import type { AppState } from '../lib/context';
import { AppError, badInput } from '../lib/errors';
import { inputProblem } from '../lib/input';
import type { UploadedFile } from '../services/materials';

/** Bytes kept in memory from the start of a file, to tell its type by its magic bytes. */
const HEAD_BYTES = 16;

/**
 * A multer storage engine that streams the file to `<dir>/incoming-<uuid>` (mode 600) while hashing it, so an
 * upload never sits in memory; the service moves the file into place or it is removed.
 */
function diskStorage(dir: string): multer.StorageEngine {
  return {
    _handleFile(_req, file, cb) {
      fs.mkdir(dir, { recursive: true }, (mkdirErr) => {
        if (mkdirErr) return cb(mkdirErr);
        const target = path.join(dir, `incoming-${crypto.randomUUID()}`);
        const hash = crypto.createHash('sha256');
        let size = 0;
        let head = Buffer.alloc(0);
        const tap = new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
            done(null, chunk);
          },
        });
        const out = fs.createWriteStream(target, { mode: 0o600 });
        pipeline(file.stream, tap, out, (err) => {
          if (err) {
            fs.rm(target, { force: true }, () => cb(err));
            return;
          }
          const info: Partial<UploadedFile> = { path: target, size, head, sha256: hash.digest('hex') };
          cb(null, info as never);
        });
      });
    },
    _removeFile(_req, file, cb) {
      const p = (file as unknown as { path?: string }).path;
      if (!p) return cb(null);
      fs.rm(p, { force: true }, (err) => cb(err));
    },
  };
}

/** Removes an upload's temporary file unless the service moved it into place. */
export function discardUpload(file: UploadedFile | undefined): Promise<void> {
  return file ? fs.promises.rm(file.path, { force: true }) : Promise.resolve();
}

/**
 * One multipart file (field `file`), at most maxBytes, streamed to `<uploadsDir>`; its other fields become the
 * body, through the same text gate as JSON bodies. Mount it after every check that needs no body (role, scope):
 * nothing is read before.
 */
export function singleFileUpload(maxBytes: number, uploadsDir: string): Middleware<AppState> {
  const handle = multer({
    storage: diskStorage(uploadsDir),
    // Browsers send UTF-8 file names (病历.pdf) without declaring a charset.
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000 },
  }).single('file');
  return async (ctx, next) => {
    if (!ctx.is('multipart/form-data')) {
      throw new AppError(415, 'unsupported-media-type', '请用 multipart/form-data 上传文件（字段名 file）。');
    }
    const req = ctx.req as typeof ctx.req & { body?: unknown; file?: UploadedFile };
    await new Promise<void>((resolve, reject) =>
      handle(req as never, ctx.res as never, (err: unknown) => (err ? reject(err) : resolve())),
    );
    try {
      const fields = { ...((req.body as object) ?? {}) };
      const problem = inputProblem(fields);
      if (problem?.kind === 'text') {
        throw badInput(`提交的内容有误：${problem.detail.path} ${problem.detail.message}`, [problem.detail]);
      }
      ctx.request.body = fields;
      ctx.state.file = req.file;
      await next();
    } finally {
      // Moved into place by the service on success; anything left is a refused upload.
      await discardUpload(req.file);
    }
  };
}
