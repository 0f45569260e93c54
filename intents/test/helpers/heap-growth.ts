// Run by memory.test.ts in its own process (node --expose-gc): classifies N different messages and prints
// how much the live heap grew, in MB, after a full collection. Mode `served`: the classifier as the server
// loads it (direct.ts); mode `nlpjs`: NLP.js's own classification of the same model (training's path, and
// the fallback for a model direct.ts declines).
import * as fs from 'node:fs';
import { DEFAULT_MODEL_PATH, ensureModel, loadClassifier, newNlp, rawClassify } from '../../src/model';

async function main(): Promise<void> {
  const [mode, count] = [process.argv[2], Number(process.argv[3] ?? 20000)];
  await ensureModel();
  let classify: (text: string) => Promise<{ intent: string }>;
  if (mode === 'nlpjs') {
    const nlp = newNlp();
    nlp.import(JSON.parse(fs.readFileSync(DEFAULT_MODEL_PATH, 'utf8')) as object);
    classify = (text) => rawClassify(nlp, text);
  } else {
    const classifier = await loadClassifier(DEFAULT_MODEL_PATH);
    classify = (text) => classifier.classify(text);
  }
  await classify('温州重度三级请人上门，一个月3500元，能报多少');
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) await classify(`温州重度三级请人上门，一个月${10000 + i}元，能报多少`);
  gc();
  const growthMb = (process.memoryUsage().heapUsed - before) / 1048576;
  // Used after the measurement, so that the collection above cannot free the classifier itself.
  const { intent } = await classify('你好');
  process.stdout.write(JSON.stringify({ growthMb, intent }) + '\n');
}

void main();
