// The classifier must not keep the messages it has classified: NLP.js's NLU keeps every text with its tokens
// for up to an hour (≈1.9 KB each), which at full load would fill the server's 256 MB heap in minutes.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ensureModel } from '../src/model';

jest.setTimeout(120_000);

beforeAll(() => ensureModel());

test.each(['served', 'nlpjs'])('classifying 20,000 different messages (%s) leaves the heap as it was', (mode) => {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'helpers', 'heap-growth.ts'), mode, '20000'],
    { encoding: 'utf8', cwd: path.resolve(__dirname, '..') },
  );
  expect(run.stderr).toBe('');
  const { growthMb, intent } = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
    growthMb: number;
    intent: string;
  };
  expect(intent).toBe('greeting');
  // With NLP.js's own text cache this is ≈37 MB.
  expect(growthMb).toBeLessThan(5);
});
