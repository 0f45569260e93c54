import type { z } from 'zod';
import { fromZodError } from './errors';

/** Validates raw input with a schema; bad input throws RulesInputError with Chinese details. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
