import { RulesInputError } from '@changhu/rules';

/** A failure the client can act on; the error handler turns it into {error:{code,message,details}}. */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details: ErrorDetail[] = []) =>
  new AppError(400, 'invalid-input', message, details);
export const unauthenticated = (message = '请先登录。') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = '您的账号没有办理这项业务的权限。') => new AppError(403, 'forbidden', message);
export const notFound = (message = '没有找到您要的内容，或您无权查看。') => new AppError(404, 'not-found', message);
export const conflict = (code: string, message: string, details: ErrorDetail[] = []) =>
  new AppError(409, code, message, details);

/** Runs a rules-module call; its input errors (RulesInputError) become the contract's 400. */
export function rulesCall<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RulesInputError) throw new AppError(400, 'invalid-input', err.message, err.details);
    throw err;
  }
}
