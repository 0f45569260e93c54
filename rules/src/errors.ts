import type { z } from 'zod';

/** Bad input to a decision: a plain Chinese message and the fields at fault. Servers map it to 400. */
export class RulesInputError extends Error {
  readonly code = 'invalid-input';
  constructor(
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'RulesInputError';
  }
}

/** Maps zod issues to details; the schemas carry their own Chinese messages. */
export function fromZodError(error: z.ZodError, summary = '输入有误，请检查后再试。'): RulesInputError {
  const details = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const [first, ...rest] = details;
  const message = !first
    ? summary
    : rest.length === 0
      ? first.message
      : `${first.message}（另有${rest.length}处需要修改）`;
  return new RulesInputError(message, details);
}
