// npm run bench -w intents (root `npm run bench`): training time, model size, classification p50/p99.
import * as fs from 'node:fs';
import { evaluate } from '../src/evaluate';
import { DEFAULT_MODEL_PATH, loadClassifier, splitCorpus, trainModel } from '../src/model';

async function main(): Promise<void> {
  const meta = await trainModel(DEFAULT_MODEL_PATH);
  const t0 = Date.now();
  const classifier = await loadClassifier(DEFAULT_MODEL_PATH);
  const loadMs = Date.now() - t0;
  const { train, validation } = splitCorpus();
  const lines = [...validation, ...train];
  for (const l of lines.slice(0, 50)) await classifier.classify(l.text); // warm-up
  const { result } = await evaluate(classifier, lines);
  console.log(
    JSON.stringify({
      bench: 'intents',
      trainMs: meta.trainMs,
      loadMs,
      modelBytes: fs.statSync(DEFAULT_MODEL_PATH).size,
      utterances: lines.length,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
