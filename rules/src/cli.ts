// `npm run -s rules -- estimate '<json>'`: the contract's answers without a server (docs/api-contract.md).
import { RulesInputError } from './errors';
import { estimate } from './decisions/estimate';
import { eligibility } from './decisions/eligibility';
import { compareModes } from './decisions/compare';
import { contributions } from './decisions/contributions';

const COMMANDS: Record<string, (input: Record<string, unknown>) => unknown> = {
  estimate: (input) => estimate(input),
  eligibility: (input) => eligibility(input),
  compare: (input) => compareModes(input),
  contributions: (input) => contributions(input.region, input.insurance, input.year),
};

function fail(message: string, details: { path: string; message: string }[] = []): number {
  const body = JSON.stringify({ error: { code: 'invalid-input', message, details } });
  process.stdout.write(body + '\n');
  return 1;
}

export function main(argv: string[]): number {
  const [command, json] = argv;
  const run = COMMANDS[command ?? ''];
  if (!run) {
    return fail(`不认识的命令“${command ?? ''}”。可用：${Object.keys(COMMANDS).join('、')}`, [
      { path: 'command', message: `可用：${Object.keys(COMMANDS).join('、')}` },
    ]);
  }
  let input: unknown;
  try {
    input = JSON.parse(json ?? '');
  } catch {
    return fail('请求内容不是有效的 JSON。', [{ path: '', message: '请在命令后面给出一个 JSON 对象' }]);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail('请求内容应为一个 JSON 对象。', [{ path: '', message: '例如 {"region":"wenzhou", ...}' }]);
  }
  try {
    process.stdout.write(JSON.stringify(run(input as Record<string, unknown>)) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof RulesInputError) return fail(e.message, e.details);
    throw e;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
