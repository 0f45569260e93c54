// The real trained model (trained here if missing or older than the corpus), on the validation split
// it never saw in training, and on the held-out set when one is present.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureModel, INTENT_IDS, loadClassifier, type Classifier } from '@changhu/intents';
import { evaluate, readTsv } from '../src/evaluate';
import { readCorpus, splitCorpus } from '../src/model';

jest.setTimeout(300_000);

let classifier: Classifier;
beforeAll(async () => {
  classifier = await loadClassifier(await ensureModel());
});

test('the corpus has every intent of the contract, each with at least 40 utterances', () => {
  const corpus = readCorpus();
  expect(corpus.data.map((d) => d.intent).sort()).toEqual([...INTENT_IDS].sort());
  for (const d of corpus.data) expect(d.utterances.length).toBeGreaterThanOrEqual(40);
});

test('validation split (kept out of training): accuracy ≥ 0.9, None recall ≥ 0.85', async () => {
  const { result } = await evaluate(classifier, splitCorpus().validation);
  expect(result.total).toBeGreaterThan(150);
  expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  expect(result.noneRecall).toBeGreaterThanOrEqual(0.85);
});

const heldout = path.join(__dirname, '..', 'data', 'heldout.tsv');
(fs.existsSync(heldout) ? test : test.skip)('held-out set: accuracy ≥ 0.85, None recall ≥ 0.85', async () => {
  const { result } = await evaluate(classifier, readTsv(heldout));
  expect(result.accuracy).toBeGreaterThanOrEqual(0.85);
  expect(result.noneRecall).toBeGreaterThanOrEqual(0.85);
});

test.each([
  ['你好', 'greeting'],
  ['谢谢啊', 'thanks'],
  ['俺娘瘫床上半年了，能办长护险不', 'eligibility.ask'],
  ['转人工', 'agent.handoff'],
  ['医保卡丢了咋补办', 'None'],
  ['今天天气怎么样', 'None'],
])('%s → %s', async (text, intent) => {
  expect((await classifier.classify(text)).intent).toBe(intent);
});

test('empty or symbol-only input is None, a very long one is still classified', async () => {
  expect((await classifier.classify('')).intent).toBe('None');
  expect((await classifier.classify('？？？!!!')).intent).toBe('None');
  const long = '俺娘瘫床上半年了能办长护险不'.repeat(100);
  expect(INTENT_IDS).toContain((await classifier.classify(long)).intent);
});
