import type { Middleware } from 'koa';
import { AppError } from '../lib/errors';
import type { AppState } from '../lib/context';
import type { Logger } from './requestLogger';

interface HttpishError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  code?: string;
  type?: string;
  message?: string;
}

/** Maps errors thrown by Koa's parsers and multer to the contract's error shape. */
function fromLibraryError(err: HttpishError): AppError | null {
  if (err.type === 'entity.parse.failed' || (err.status === 400 && /json/i.test(err.message ?? ''))) {
    return new AppError(400, 'invalid-input', '请求内容不是有效的 JSON，请检查格式。');
  }
  if (err.code === 'LIMIT_FILE_SIZE') {
    return new AppError(413, 'payload-too-large', '文件太大，单个文件不能超过 10MB。请压缩图片或分页上传。');
  }
  if (err.type === 'entity.too.large') {
    return new AppError(413, 'payload-too-large', '提交的内容太大，请精简后再试。');
  }
  if (typeof err.code === 'string' && err.code.startsWith('LIMIT_')) {
    return new AppError(400, 'invalid-input', '上传的内容不符合要求：一次上传一个文件，字段名为 file。');
  }
  // busboy (under multer): a multipart body without a boundary, cut short, or with a broken part header.
  if (
    /boundary not found|unexpected end of form|malformed part header|part terminated early/i.test(err.message ?? '')
  ) {
    return new AppError(
      400,
      'invalid-input',
      '上传的内容不完整或格式不对（multipart/form-data）。请重新选择文件上传；如果网络不稳定，请稍后再试。',
    );
  }
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') {
    return new AppError(415, 'unsupported-media-type', '请使用 UTF-8 编码的 JSON。');
  }
  const status = err.status ?? err.statusCode;
  if (status && status >= 400 && status < 500) {
    return new AppError(status, 'invalid-input', '请求无法处理，请检查后重试。');
  }
  return null;
}

/** Registered first: every failure becomes {error:{code,message,details}}, never a stack trace. */
export function errorHandler(logger: Logger): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await next();
      // Answered here, not thrown: an unknown path is common and an Error's stack trace costs.
      if (ctx.status === 404 && ctx.body === undefined) {
        ctx.status = 404;
        ctx.body = { error: { code: 'not-found', message: '没有这个接口，请检查地址。', details: [] } };
        return;
      }
      if (ctx.status === 405 && !ctx.body) {
        ctx.status = 405;
        ctx.body = {
          error: { code: 'method-not-allowed', message: `这个接口不支持 ${ctx.method} 请求。`, details: [] },
        };
        return;
      }
    } catch (raw) {
      const err = raw instanceof AppError ? raw : fromLibraryError(raw as HttpishError);
      if (err) {
        ctx.status = err.status;
        ctx.body = { error: { code: err.code, message: err.message, details: err.details } };
        return;
      }
      logger.error(ctx, raw);
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: '系统暂时出了点问题，请稍后再试。', details: [] } };
    }
  };
}
