// Run by memory.test.ts in its own process (node --expose-gc): classifies N different messages and prints
// how much the live heap grew, in MB, after a full collection.
import { ensureModel, loadClassifier } from '../../src/model';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 20000);
  const classifier = await loadClassifier(await ensureModel());
  await classifier.classify('温州重度三级请人上门，一个月3500元，能报多少');
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < n; i++) await classifier.classify(`温州重度三级请人上门，一个月${10000 + i}元，能报多少`);
  gc();
  const growthMb = (process.memoryUsage().heapUsed - before) / 1048576;
  // Used after the measurement, so that the collection above cannot free the classifier itself.
  const { intent } = await classifier.classify('你好');
  process.stdout.write(JSON.stringify({ growthMb, intent }) + '\n');
}

void main();
