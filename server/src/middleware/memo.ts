// Answers of the pure calculation calls (estimate, eligibility, comparison…), kept by their exact request
// text for today's date: the rules are pure functions of those two, so the same question asked again (the
// same region, grade and bill, which is most questions on a busy day) is answered without computing or
// serialising it again. Bounded in entries and in size; only 200 answers to JSON bodies are kept, and the
// whole memo starts afresh when the date changes (a rule may change on a date).
import type { Middleware } from 'koa';
import type { AppState } from '../lib/context';
import { shanghaiDate, type Clock } from '../lib/time';

export interface MemoOptions {
  /** Paths under the API whose POST answer depends only on the body and today's date. */
  paths: readonly string[];
  clock: Clock;
  /** Answers kept per path. */
  maxEntries?: number;
  /** Longest answer kept, in characters. */
  maxAnswer?: number;
}

export function memoPureAnswers({
  paths,
  clock,
  maxEntries = 2000,
  maxAnswer = 64 * 1024,
}: MemoOptions): Middleware<AppState> {
  // Per path, answers by request text; a Map keeps insertion order, so re-inserting on a hit makes the first
  // key the least recently used.
  const byPath = new Map<string, Map<string, string>>(paths.map((p) => [p, new Map()]));
  let day = '';
  return async (ctx, next) => {
    const raw = ctx.state.rawBody;
    const answers = byPath.get(ctx.path);
    if (ctx.method !== 'POST' || raw === undefined || !answers) return next();
    ctx.state.pure = true;
    const today = shanghaiDate(clock());
    if (today !== day) {
      for (const m of byPath.values()) m.clear();
      day = today;
    }
    const hit = answers.get(raw);
    if (hit !== undefined) {
      answers.delete(raw);
      answers.set(raw, hit);
      ctx.type = 'application/json';
      ctx.body = hit;
      return;
    }
    await next();
    if (ctx.status !== 200 || ctx.body === null || typeof ctx.body !== 'object') return;
    const text = JSON.stringify(ctx.body);
    ctx.type = 'application/json';
    ctx.body = text;
    if (text.length > maxAnswer) return;
    answers.set(raw, text);
    if (answers.size > maxEntries) answers.delete(answers.keys().next().value!);
  };
}
