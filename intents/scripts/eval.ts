// npm run -s bot:eval -- FILE.tsv: classifies every line (header intent<TAB>text); the LAST line printed
// is {"total","correct","accuracy","noneRecall","p50Ms","p99Ms"}. Trains first if the model is missing.
// Misses go to stderr; --validation evaluates this package's own validation split instead of a file.
import * as path from 'node:path';
import { evaluate, readTsv, type EvalLine } from '../src/evaluate';
import { ensureModel, loadClassifier, splitCorpus } from '../src/model';

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: npm run -s bot:eval -- FILE.tsv   (header: intent<TAB>text)   or --validation');
    process.exit(2);
  }
  const lines: EvalLine[] =
    arg === '--validation'
      ? splitCorpus().validation
      : readTsv(path.resolve(process.env.INIT_CWD ?? process.cwd(), arg));
  const modelPath = await ensureModel();
  const classifier = await loadClassifier(modelPath);
  // Warm up (first calls compile the network's code paths); not counted.
  for (const l of lines.slice(0, 20)) await classifier.classify(l.text);
  const { result, misses } = await evaluate(classifier, lines);
  if (process.env.EVAL_SHOW_MISSES) {
    for (const m of misses) console.error(`${m.intent}\t→ ${m.got} (${m.score.toFixed(2)})\t${m.text}`);
  }
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
