// npm run train -w intents: trains the model and prints the None-threshold trade-off on the validation split.
import * as fs from 'node:fs';
import { DEFAULT_MODEL_PATH, trainModel } from '../src/model';

async function main(): Promise<void> {
  const meta = await trainModel(DEFAULT_MODEL_PATH);
  const size = fs.statSync(DEFAULT_MODEL_PATH).size;
  console.log('| threshold | accuracy | None recall | in-scope sent to None |');
  console.log('|---|---|---|---|');
  for (const p of meta.curve) {
    const mark = p.threshold === meta.threshold ? ' ←' : '';
    console.log(
      `| ${p.threshold.toFixed(2)}${mark} | ${p.accuracy.toFixed(3)} | ${p.noneRecall.toFixed(3)} | ${p.falseNone.toFixed(3)} |`,
    );
  }
  console.log(
    JSON.stringify({
      model: DEFAULT_MODEL_PATH,
      bytes: size,
      trainMs: meta.trainMs,
      train: meta.trainSize,
      validation: meta.validationSize,
      threshold: meta.threshold,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
