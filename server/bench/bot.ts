// What `npm run bench` needs for the chatbot: the POST /api/v1/bot/messages target (a first message of a new
// conversation each time, with a number in it that changes from request to request; the numbers cycle, so a
// text comes back now and then, but nothing on the path keeps answers by text: the classifier, the extractor,
// the rules and the conversation's row in the database do their work every time), the floor target of such a
// message, the set-up the serving process runs before it listens (the model trained and loaded, not on the first
// request), and classification p50/p99 measured apart from HTTP.
import path from 'node:path';
import { ensureModel, evaluate, loadClassifier, readTsv } from '@changhu/intents';
import { sharedClassifier } from '../src/bot/nlu';

/** First messages people send, with a number that changes on every request. */
const TEMPLATES: ((n: number) => string)[] = [
  (n) => `温州重度三级请人上门，一个月${2000 + (n % 3000)}元，能报多少`,
  (n) => `俺娘在任城，居民医保，瘫床上${3 + (n % 20)}个月了，能办长护险不`,
  (n) => `济宁住养老院一个月${3000 + (n % 2000)}块，长护险管多少`,
  (n) => `鹿城附近有哪些定点护理机构，老人${60 + (n % 40)}岁了`,
  (n) => `医保卡丢了${1 + (n % 9)}天了咋补办`,
  (n) => `评估结果出来${1 + (n % 15)}天了，不服咋办`,
];

export function botMessage(n: number): { text: string } {
  return { text: TEMPLATES[n % TEMPLATES.length](n) };
}

/** A target in the shape of http.bench.ts's TARGETS entries. */
export const BOT_TARGET = {
  name: 'app: POST /api/v1/bot/messages (new conversation)',
  server: 'app' as const,
  method: 'POST' as const,
  path: '/api/v1/bot/messages',
  body: botMessage(0),
  vary: botMessage,
  status: 200,
};

/** The floor of a bot message (bench/target.ts's third server), in the shape of a TARGETS entry. */
export const BOT_FLOOR_TARGET = {
  name: 'floor of a bot message: bare Koa POST + classify + store the turn',
  server: 'floor' as const,
  method: 'POST' as const,
  path: '/',
  body: botMessage(0),
  vary: botMessage,
  status: 200,
};

/** For the serving process before it listens: trains the model if missing or stale, and loads it. */
export async function prepareBot(): Promise<void> {
  await sharedClassifier();
}

/** Classification alone (no HTTP): p50/p99 over the held-out set, after a warm-up, as bot:eval measures. */
export async function classificationTimes(): Promise<{ utterances: number; p50Ms: number; p99Ms: number }> {
  const classifier = await loadClassifier(await ensureModel());
  const lines = readTsv(path.resolve(__dirname, '..', '..', 'intents', 'data', 'heldout.tsv'));
  for (const l of lines.slice(0, 20)) await classifier.classify(l.text);
  const { result } = await evaluate(classifier, lines);
  return { utterances: result.total, p50Ms: result.p50Ms, p99Ms: result.p99Ms };
}
