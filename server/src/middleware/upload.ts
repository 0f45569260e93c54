import multer from 'multer';
import type { Middleware } from 'koa';
import type { AppState } from '../lib/context';
import { AppError } from '../lib/errors';
import type { UploadedFile } from '../services/materials';

/** One multipart file in memory (field `file`), at most maxBytes; its other fields become the body. */
export function singleFileUpload(maxBytes: number): Middleware<AppState> {
  const handle = multer({
    storage: multer.memoryStorage(),
    // Browsers send UTF-8 file names (病历.pdf) without declaring a charset.
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 10 },
  }).single('file');
  return async (ctx, next) => {
    if (!ctx.is('multipart/form-data')) {
      throw new AppError(415, 'unsupported-media-type', '请用 multipart/form-data 上传文件（字段名 file）。');
    }
    const req = ctx.req as typeof ctx.req & { body?: unknown; file?: UploadedFile };
    await new Promise<void>((resolve, reject) =>
      handle(req as never, ctx.res as never, (err: unknown) => (err ? reject(err) : resolve())),
    );
    ctx.request.body = { ...((req.body as object) ?? {}) };
    ctx.state.file = req.file;
    await next();
  };
}
