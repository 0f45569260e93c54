// `npm run bench`: requests per second of the estimate and eligibility calls, and of an unknown path (404)
// through the app, as ratios to a bare Koa route measured in the same run (ratios, not absolute times, so the
// machine's speed cancels). autocannon, 10 connections, no pipelining, BENCH_SECONDS (default 3) per target in
// BENCH_ROUNDS (default 3) rounds after a 1 s warm-up; medians, also written to bench/results.json; only
// 127.0.0.1. Exits 1 when a ratio is under BENCH_MIN_RATIO (default: report only).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { BOT_TARGET, classificationTimes } from './bot';

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

const SECONDS = Number(process.env.BENCH_SECONDS) || 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
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
  BOT_TARGET,
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

interface Row {
  target: Target;
  rps: number;
  p50: number;
  p99: number;
  /** Ratios to the bare routes measured in the same round. */
  xGet: number;
  xPost: number;
}

async function measure(url: string, target: Target, seconds: number): Promise<AutocannonResult> {
  const r = await run(url, target, seconds);
  const wrong = target.status === 200 ? r.non2xx : r['2xx'];
  if (r.errors || r.timeouts || wrong)
    throw new Error(`${target.name}: ${r.errors} errors, ${r.timeouts} timeouts, ${wrong} wrong answers`);
  return r;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { ports, stop } = await startTarget();
  // BENCH_ONLY=estimates,404: only the app targets whose name contains one of the words.
  const only = process.env.BENCH_ONLY?.split(',');
  const targets = TARGETS.filter((t) => t.server === 'bare' || !only || only.some((w) => t.name.includes(w)));
  const urlOf = (t: Target) => `http://127.0.0.1:${ports[t.server]}${t.path}`;
  // Rounds of every target, each app figure a ratio to the bare routes of its own round, then the median
  // round: another process busy for a few seconds moves one round, not the result.
  const rounds: Map<Target, Row>[] = [];
  try {
    for (const target of targets) {
      const probe = await fetch(urlOf(target), {
        method: target.method,
        ...(target.body ? { body: JSON.stringify(target.body), headers: { 'content-type': 'application/json' } } : {}),
      });
      if (probe.status !== target.status)
        throw new Error(`${target.name}: status ${probe.status}, expected ${target.status}`);
      await run(urlOf(target), target, 1);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const rows = new Map<Target, Row>();
      let bareGet = 0;
      let barePost = 0;
      for (const target of targets) {
        const r = await measure(urlOf(target), target, SECONDS);
        const rps = r.requests.average;
        if (target.server === 'bare') {
          if (target.method === 'GET') bareGet = rps;
          else barePost = rps;
        }
        rows.set(target, { target, rps, p50: r.latency.p50, p99: r.latency.p99, xGet: 0, xPost: 0 });
      }
      for (const row of rows.values()) {
        row.xGet = row.rps / bareGet;
        row.xPost = row.rps / barePost;
      }
      rounds.push(rows);
    }
  } finally {
    stop();
  }
  const result = targets.map((target) => {
    const rows = rounds.map((r) => r.get(target)!);
    return {
      name: target.name,
      rps: Math.round(median(rows.map((r) => r.rps))),
      p50Ms: median(rows.map((r) => r.p50)),
      p99Ms: median(rows.map((r) => r.p99)),
      xBareGet: Number(median(rows.map((r) => r.xGet)).toFixed(2)),
      xBarePost: Number(median(rows.map((r) => r.xPost)).toFixed(2)),
    };
  });
  const out = [
    `HTTP bench (${ROUNDS} rounds × ${SECONDS} s per target, 10 connections, no pipelining, 127.0.0.1; medians)`,
    '',
  ];
  out.push('| target | req/s | p50 ms | p99 ms | × bare GET | × bare POST |', '|---|---:|---:|---:|---:|---:|');
  for (const r of result) {
    out.push(
      `| ${r.name} | ${r.rps} | ${r.p50Ms} | ${r.p99Ms} | ${r.xBareGet.toFixed(2)} | ${r.xBarePost.toFixed(2)} |`,
    );
  }
  const classification = process.env.BENCH_ONLY ? null : await classificationTimes();
  if (classification) {
    out.push(
      '',
      `Bot classification alone (${classification.utterances} held-out utterances): p50 ${classification.p50Ms} ms, p99 ${classification.p99Ms} ms`,
    );
  }
  process.stdout.write(out.join('\n') + '\n');
  const file = path.resolve(__dirname, '..', '..', 'bench', 'results.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), rounds: ROUNDS, seconds: SECONDS, http: result, classification },
      null,
      2,
    ) + '\n',
  );
  const low = result.filter((r) => r.name.startsWith('app: POST') && r.xBareGet < MIN_RATIO);
  if (low.length) {
    process.stderr.write(`below ${MIN_RATIO}× bare Koa: ${low.map((r) => r.name).join(', ')}\n`);
    process.exit(1);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
