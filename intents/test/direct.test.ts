// The served classification (direct.ts: NLP.js's steps done in one pass) must answer exactly as NLP.js's own
// nlp.classify does on the same loaded model: every corpus line (which the exact-sentence table answers), every
// held-out line, and variants of each that no table holds (cut short, with a number, with noise around it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Nlp } from '@nlpjs/nlp';
import { directClassify } from '../src/direct';
import { readTsv } from '../src/evaluate';
import { DEFAULT_MODEL_PATH, ensureModel, newNlp, rawClassify, readCorpus, splitCorpus, trainNlp } from '../src/model';

jest.setTimeout(300_000);

const data = path.join(__dirname, '..', 'data');

/** Each line, and variants no exact-sentence table holds. */
function variants(lines: string[]): string[] {
  return lines.flatMap((t, i) => [
    t,
    t.slice(0, Math.max(1, Math.ceil(t.length / 2))),
    `${t}，一个月${1000 + i}元`,
    `请问${t}？？`,
    t.toUpperCase() + ' OK',
  ]);
}

async function disagreements(nlp: Nlp, texts: string[]): Promise<{ differ: string[]; intents: Set<string> }> {
  const direct = directClassify(nlp)!;
  expect(direct).not.toBeNull();
  const differ: string[] = [];
  const intents = new Set<string>();
  for (const t of texts) {
    const a = await rawClassify(nlp, t);
    const b = direct(t);
    intents.add(a.intent);
    if (a.intent !== b.intent || a.score !== b.score) differ.push(`${t}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  }
  return { differ, intents };
}

test('the model as served (loaded from its file): every line and variant', async () => {
  await ensureModel();
  const nlp = newNlp();
  nlp.import(JSON.parse(fs.readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as object);
  const lines = [
    ...readCorpus().data.flatMap((d) => d.utterances),
    ...fs
      .readdirSync(data)
      .filter((f) => /^heldout\d*\.tsv$/.test(f))
      .flatMap((f) => readTsv(path.join(data, f)).map((l) => l.text)),
  ];
  const texts = variants(lines);
  expect(texts.length).toBeGreaterThan(10_000);
  const { differ, intents } = await disagreements(nlp, texts);
  expect(differ.slice(0, 10)).toEqual([]);
  // Not a trivial agreement: the lines reach every intent.
  expect(intents.size).toBe(15);
});

test('a model just trained, before it is saved: training lines and variants', async () => {
  const { train, validation } = splitCorpus();
  const nlp = await trainNlp(train);
  const texts = variants([...train.filter((_, i) => i % 4 === 0), ...validation].map((e) => e.text));
  const { differ, intents } = await disagreements(nlp, texts);
  expect(differ.slice(0, 10)).toEqual([]);
  expect(intents.size).toBe(15);
});

test('declines a model that uses a part of NLP.js it leaves out (the exact-sentence table)', () => {
  const nlp = newNlp();
  nlp.import(JSON.parse(fs.readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as object);
  expect(directClassify(nlp)).not.toBeNull();
  (nlp.settings.nlu as Record<string, unknown>).useStemDict = true;
  expect(directClassify(nlp)).toBeNull();
});
