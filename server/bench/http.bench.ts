// `npm run bench`: requests per second of the estimate and eligibility calls, and of an unknown path (404)
// through the app, as ratios to a bare Koa route measured in the same run (ratios, not absolute times, so the
// machine's speed cancels). autocannon, 10 connections, no pipelining, BENCH_SECONDS (default 5) per target
// after a 1 s warm-up, only 127.0.0.1. Exits 1 when a ratio is under BENCH_MIN_RATIO (default: report only).
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

const SECONDS = Number(process.env.BENCH_SECONDS) || 5;
const MIN_RATIO = Number(process.env.BENCH_MIN_RATIO) || 0;

const ESTIMATE = {
  region: 'wenzhou',
  district: 'lucheng',
  insurance: 'employee',
  careMode: 'home',
  grade: 'severe-3',
  monthlyBillFen: 350000,
  month: '2024-05',
  asOf: '2024-05-20',
};
const ELIGIBILITY = {
  region: 'jining',
  district: 'liangshan',
  insurance: 'resident',
  disabilityMonths: 8,
  disabilityCause: 'illness',
  asOf: '2024-05-20',
};

interface Target {
  name: string;
  server: 'bare' | 'app';
  method: 'GET' | 'POST';
  path: string;
  body?: object;
  /** The status every answer must have. */
  status: number;
  /** A different body for each request (never a repeated question), instead of `body` every time. */
  vary?: (n: number) => object;
}

const TARGETS: Target[] = [
  { name: 'bare Koa GET (JSON)', server: 'bare', method: 'GET', path: '/json', status: 200 },
  { name: 'bare Koa POST (JSON body)', server: 'bare', method: 'POST', path: '/json', body: ESTIMATE, status: 200 },
  { name: 'app: unknown path (404)', server: 'app', method: 'GET', path: '/api/v1/nothing-here', status: 404 },
  { name: 'app: GET /api/v1/health', server: 'app', method: 'GET', path: '/api/v1/health', status: 200 },
  {
    name: 'app: POST /api/v1/estimates',
    server: 'app',
    method: 'POST',
    path: '/api/v1/estimates',
    body: ESTIMATE,
    status: 200,
  },
  {
    name: 'app: POST /api/v1/estimates, every bill different',
    server: 'app',
    method: 'POST',
    path: '/api/v1/estimates',
    body: ESTIMATE,
    vary: (n) => ({ ...ESTIMATE, monthlyBillFen: 100000 + (n % 1_000_000) }),
    status: 200,
  },
  {
    name: 'app: POST /api/v1/eligibility',
    server: 'app',
    method: 'POST',
    path: '/api/v1/eligibility',
    body: ELIGIBILITY,
    status: 200,
  },
];

async function startTarget(): Promise<{ ports: { bare: number; app: number }; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'target.ts')], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    // Modules may print while loading; the ports are the line target.ts writes.
    rl.on('line', (l) => {
      if (l.startsWith('{"bare":')) resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`bench target exited (${code})`)));
  });
  return { ports: JSON.parse(line), stop: () => child.kill('SIGTERM') };
}

async function run(url: string, target: Target, seconds: number): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections: 10,
    pipelining: 1,
    duration: seconds,
    method: target.method,
    ...(target.body ? { body: JSON.stringify(target.body), headers: { 'content-type': 'application/json' } } : {}),
    ...(target.vary ? { requests: [{ setupRequest: varied(target.vary) }] } : {}),
  });
}

let served = 0;
function varied(vary: (n: number) => object) {
  return (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(vary(served++)) });
}

async function main(): Promise<void> {
  const { ports, stop } = await startTarget();
  const rows: { target: Target; rps: number; p50: number; p99: number }[] = [];
  try {
    // BENCH_ONLY=estimates,bare: only the targets whose name contains one of the words (bare ones always run).
    const only = process.env.BENCH_ONLY?.split(',');
    for (const target of TARGETS.filter(
      (t) => (t.server === 'bare' && !only?.includes('app-only')) || !only || only.some((w) => t.name.includes(w)),
    )) {
      const url = `http://127.0.0.1:${ports[target.server]}${target.path}`;
      // Check the answer once, then warm up, then measure.
      const probe = await fetch(url, {
        method: target.method,
        ...(target.body ? { body: JSON.stringify(target.body), headers: { 'content-type': 'application/json' } } : {}),
      });
      if (probe.status !== target.status)
        throw new Error(`${target.name}: status ${probe.status}, expected ${target.status}`);
      await run(url, target, 1);
      const r = await run(url, target, SECONDS);
      const wrong = target.status === 200 ? r.non2xx : r['2xx'];
      if (r.errors || r.timeouts || wrong)
        throw new Error(`${target.name}: ${r.errors} errors, ${r.timeouts} timeouts, ${wrong} wrong answers`);
      rows.push({ target, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
    }
  } finally {
    stop();
  }
  const base = rows[0].rps;
  const basePost = rows.find((r) => r.target.name.includes('POST'))?.rps ?? base;
  const out = [`HTTP bench (${SECONDS} s per target, 10 connections, no pipelining, 127.0.0.1)`, ''];
  out.push('| target | req/s | p50 ms | p99 ms | × bare GET | × bare POST |', '|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    out.push(
      `| ${r.target.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${(r.rps / base).toFixed(2)} | ${(r.rps / basePost).toFixed(2)} |`,
    );
  }
  process.stdout.write(out.join('\n') + '\n');
  const low = rows.filter((r) => r.target.server === 'app' && r.target.method === 'POST' && r.rps / base < MIN_RATIO);
  if (low.length) {
    process.stderr.write(`below ${MIN_RATIO}× bare Koa: ${low.map((r) => r.target.name).join(', ')}\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
