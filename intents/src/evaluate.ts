// Evaluation of a classifier on a TSV with the header `intent<TAB>text` (bot:eval, tests, bench).
import * as fs from 'node:fs';
import { isIntentId, type Classifier, type IntentId } from './ids';

export interface EvalLine {
  intent: IntentId;
  text: string;
}

export interface EvalResult {
  total: number;
  correct: number;
  accuracy: number;
  noneRecall: number;
  p50Ms: number;
  p99Ms: number;
}

export interface EvalMiss extends EvalLine {
  got: IntentId;
  score: number;
}

/** Lines of a TSV file whose header is `intent<TAB>text`; throws with the line number on a bad one. */
export function readTsv(file: string): EvalLine[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const header = (lines.shift() ?? '').replace(/^\uFEFF/, '').trim();
  if (header !== 'intent\ttext') throw new Error(`${file}: the header must be "intent<TAB>text", found "${header}"`);
  const out: EvalLine[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const tab = line.indexOf('\t');
    const intent = (tab < 0 ? line : line.slice(0, tab)).trim();
    if (!isIntentId(intent)) throw new Error(`${file}:${i + 2}: unknown intent "${intent}"`);
    out.push({ intent, text: tab < 0 ? '' : line.slice(tab + 1) });
  });
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[idx];
}

export async function evaluate(
  classifier: Classifier,
  lines: EvalLine[],
): Promise<{ result: EvalResult; misses: EvalMiss[] }> {
  const times: number[] = [];
  const misses: EvalMiss[] = [];
  let correct = 0;
  let none = 0;
  let noneOk = 0;
  for (const line of lines) {
    const t0 = process.hrtime.bigint();
    const c = await classifier.classify(line.text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (c.intent === line.intent) correct += 1;
    else misses.push({ ...line, got: c.intent, score: c.score });
    if (line.intent === 'None') {
      none += 1;
      if (c.intent === 'None') noneOk += 1;
    }
  }
  times.sort((a, b) => a - b);
  const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    result: {
      total: lines.length,
      correct,
      accuracy: lines.length ? round(correct / lines.length) : 0,
      noneRecall: none ? round(noneOk / none) : 0,
      p50Ms: round(percentile(times, 0.5), 3),
      p99Ms: round(percentile(times, 0.99), 3),
    },
    misses,
  };
}
