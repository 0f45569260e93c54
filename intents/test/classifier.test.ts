// The real trained model (trained here if missing or older than the corpus), on the validation split
// it never saw in training, and on the held-out set when one is present.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureModel, INTENT_IDS, loadClassifier, type Classifier } from '@changhu/intents';
import { evaluate, readTsv } from '../src/evaluate';
import { featureTokens, plainQuestion, tokenWeight } from '../src/features';
import { newNlp, readCorpus, splitCorpus } from '../src/model';

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

// Written independently of the corpus, each by an author who never saw it (heldout.tsv by one person; 2 and 3 by
// a second, 3 in the short spoken style; 4 to 8 by five more, each blind when written, see the README for which
// were later used to choose corpus topics). No held-out file is trained on, though a few generic lines (你好,
// 转人工) also stand in the corpus word for word. The bar is the first. Speed is the
// bench's and bot:eval's to report (p50/p99), not a timed test's.
const FLOORS: [string, number][] = [
  ['heldout.tsv', 0.95],
  ['heldout2.tsv', 0.95],
  ['heldout3.tsv', 0.9],
  ['heldout4.tsv', 0.95],
  ['heldout5.tsv', 0.95],
  ['heldout6.tsv', 0.95],
  ['heldout7.tsv', 0.95],
  ['heldout8.tsv', 0.95],
];
for (const [file, floor] of FLOORS) {
  const tsv = path.join(__dirname, '..', 'data', file);
  (fs.existsSync(tsv) ? test : test.skip)(`${file}: accuracy ≥ ${floor}, None recall ≥ 0.9`, async () => {
    const { result } = await evaluate(classifier, readTsv(tsv));
    expect(result.accuracy).toBeGreaterThanOrEqual(floor);
    expect(result.noneRecall).toBeGreaterThanOrEqual(0.9);
  });
}

test('a question tag or particle at the end of a clause is not what is asked', () => {
  expect(plainQuestion('能报销不')).toBe('能报销');
  expect(plainQuestion('有资格没')).toBe('有资格');
  expect(plainQuestion('批下来没有啊')).toBe('批下来');
  // A clause that would be left with fewer than three characters keeps it.
  expect(plainQuestion('能报不')).toBe('能报不');
  expect(plainQuestion('不')).toBe('不');
  expect(plainQuestion('没有')).toBe('没有');
});

test('laughter of any length is one token; 哈 alone (哈喽, 谢谢哈) is a character', () => {
  expect(featureTokens('哈哈哈哈')).toEqual(['¤laugh']);
  expect(featureTokens('呵呵 好的')).toEqual(['¤laugh', '好']);
  expect(featureTokens('哈喽')).toEqual(['哈', '喽', '哈喽']);
});

test("an agent's frame (来电人问, 市民咨询) is not what is asked", () => {
  expect(featureTokens('来电人问评估去哪报')).toEqual(featureTokens('评估去哪报'));
  expect(featureTokens('市民咨询：长护险怎么交')).toEqual(featureTokens('长护险怎么交'));
  expect(featureTokens('居民医保能享受吗')).toContain('居民');
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

test('a longer message also gives its characters once, weighed less than a bigram; a short one at full weight', () => {
  const long = featureTokens('不想用了，怎么申请停止长护服务');
  expect(long).toContain('停止');
  expect(long).toContain('_停');
  expect(long.filter((t) => t === '_护')).toHaveLength(1);
  expect(tokenWeight('_停')).toBeLessThan(tokenWeight('停止'));
  const short = featureTokens('批了没');
  expect(short).toContain('批');
  expect(short.some((t) => t.startsWith('_'))).toBe(false);
});

test('the network reads those weights: the container turns tokens into inputs with them', () => {
  const inputs = newNlp().container.get('arrToObj') as { run(tokens: string[]): Record<string, number> };
  expect(inputs.run(['停止', '_停'])).toEqual({ 停止: 1, _停: tokenWeight('_停') });
});
