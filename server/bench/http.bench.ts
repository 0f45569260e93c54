// `npm run bench`: requests per second and p50/p99 of the estimate, eligibility, bot message, provider search
// and (signed-in) application read calls, and of an unknown path (404) and the health check, through the app,
// as ratios to the bare Koa route of the same method measured just before it (ratios, not absolute times, so
// the machine's speed cancels), with the floor of a bot message beside the bot call (bench/target.ts); then
// the serving process's peak RSS, bot classification p50/p99 with the model's training time and size, the
// WeChat main-package size and the H5 first contentful paint in headless Chromium. Every figure is printed with
// its target and met/missed. autocannon at 10 and at 100 connections, no pipelining, BENCH_SECONDS (default 2)
// per target in BENCH_ROUNDS (default 3) rounds after a 1 s warm-up; medians, also written to
// bench/results.json; only 127.0.0.1. Exits 1 when a ratio is under BENCH_MIN_RATIO (default: report only).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { BOT_FLOOR_TARGET, BOT_TARGET, classificationTimes } from './bot';
import {
  ensureH5,
  firstContentfulPaint,
  modelFigures,
  procKb,
  residentWithApplication,
  weappMainBytes,
} from './figures';

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

const SECONDS = Number(process.env.BENCH_SECONDS) || 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;
const MIN_RATIO = Number(process.env.BENCH_MIN_RATIO) || 0;
const CONNECTIONS = [10, 100] as const;

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
  /** floor: the least a bot message costs (bench/target.ts), reported beside the bot call, with no target. */
  server: 'bare' | 'app' | 'floor';
  method: 'GET' | 'POST';
  path: string;
  body?: object;
  /** The status every answer must have. */
  status: number;
  /** A different body for each request (never a repeated question), instead of `body` every time. */
  vary?: (n: number) => object;
  headers?: Record<string, string>;
  /** The least share of the bare route's requests/s (same method, same connections) it must reach. */
  minRatio?: number;
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
    minRatio: 0.7,
  },
  {
    name: 'app: POST /api/v1/estimates, every bill different',
    server: 'app',
    method: 'POST',
    path: '/api/v1/estimates',
    body: ESTIMATE,
    vary: (n) => ({ ...ESTIMATE, monthlyBillFen: 100000 + (n % 1_000_000) }),
    status: 200,
    minRatio: 0.7,
  },
  {
    name: 'app: POST /api/v1/eligibility',
    server: 'app',
    method: 'POST',
    path: '/api/v1/eligibility',
    body: ELIGIBILITY,
    status: 200,
    minRatio: 0.7,
  },
  { ...BOT_TARGET, minRatio: 0.25 },
  BOT_FLOOR_TARGET,
  {
    name: 'app: GET /api/v1/providers (search)',
    server: 'app',
    method: 'GET',
    path: '/api/v1/providers?region=wenzhou&mode=home&lat=28.0&lng=120.65',
    status: 200,
  },
];

/** The signed-in read of one's own application, once the bench has signed a resident in. */
const applicationRead = (token: string, id: string): Target => ({
  name: 'app: GET /api/v1/applications/:id (signed in, own)',
  server: 'app',
  method: 'GET',
  path: `/api/v1/applications/${id}`,
  headers: { authorization: `Bearer ${token}` },
  status: 200,
  minRatio: 0.3,
});

/** p99 of every app call at 10 connections, in ms. */
const P99_TARGET_MS = 20;
const RSS_TARGET_MB = 300;
const WEAPP_TARGET_KB = 800;
const FCP_TARGET_MS = 1000;

/**
 * The Node.js flags `npm start` serves with (the heap limit: V8 sizes its heap from the machine's memory and lets
 * it grow lazily under load unless told the server's budget), read from the root package.json so that the bench
 * measures the server as it is run.
 */
function serverNodeFlags(): string[] {
  const root = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const m = /\bnode ((?:--\S+ )*)server\/dist\/index\.js/.exec(root.scripts.start);
  if (!m) throw new Error('bench: package.json "start" does not run node … server/dist/index.js');
  return m[1].split(' ').filter(Boolean);
}

async function startTarget(): Promise<{
  ports: { bare: number; app: number; floor: number };
  pid: number;
  stop: () => void;
}> {
  const child = spawn(process.execPath, [...serverNodeFlags(), '--import', 'tsx', path.join(__dirname, 'target.ts')], {
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
  return { ports: JSON.parse(line), pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

async function run(url: string, target: Target, seconds: number, connections: number): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections,
    pipelining: 1,
    duration: seconds,
    method: target.method,
    headers: { ...(target.body ? { 'content-type': 'application/json' } : {}), ...target.headers },
    ...(target.body ? { body: JSON.stringify(target.body) } : {}),
    ...(target.vary ? { requests: [{ setupRequest: varied(target.vary) }] } : {}),
  });
}

let served = 0;
function varied(vary: (n: number) => object) {
  return (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(vary(served++)) });
}

interface Row {
  target: Target;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  /** Ratios to the bare routes measured in the same round. */
  xGet: number;
  xPost: number;
}

async function measure(url: string, target: Target, seconds: number, connections: number): Promise<AutocannonResult> {
  const r = await run(url, target, seconds, connections);
  const wrong = target.status === 200 ? r.non2xx : r['2xx'];
  if (r.errors || r.timeouts || wrong)
    throw new Error(
      `${target.name} (${connections} connections): ${r.errors} errors, ${r.timeouts} timeouts, ${wrong} wrong answers`,
    );
  return r;
}

interface Figure {
  figure: string;
  value: string;
  target: string;
  /** null: no target. */
  met: boolean | null;
}

const mark = (met: boolean | null) => (met === null ? '—' : met ? 'met' : 'MISSED');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const h5Built = ensureH5();
  const { ports, pid, stop } = await startTarget();
  const appBase = `http://127.0.0.1:${ports.app}`;
  // Resident set once seeded, model loaded and listening, before any load.
  const startRssKb = procKb(pid, 'VmRSS');
  const reader = await residentWithApplication(appBase);
  // BENCH_ONLY=estimates,404: only the app targets whose name contains one of the words.
  const only = process.env.BENCH_ONLY?.split(',');
  const targets = [...TARGETS, applicationRead(reader.token, reader.applicationId)].filter(
    (t) => t.server === 'bare' || !only || only.some((w) => t.name.includes(w)),
  );
  const urlOf = (t: Target) => `http://127.0.0.1:${ports[t.server]}${t.path}`;
  // Rounds of every target at each connection count, each app figure a ratio to the bare routes of its own
  // round, then the median round: another process busy for a few seconds moves one round, not the result.
  const rounds: Map<string, Row>[] = [];
  const keyOf = (t: Target, c: number) => `${t.name} @${c}`;
  let peakRssKb = 0;
  /** The serving process's resident set after each target's last round, in MB: which call makes it grow. */
  const rssAfter = new Map<string, number>();
  const sampler = setInterval(() => {
    peakRssKb = Math.max(peakRssKb, procKb(pid, 'VmRSS') ?? 0);
  }, 100);
  let fcp: Awaited<ReturnType<typeof firstContentfulPaint>> = null;
  let hwmKb: number | null = null;
  try {
    for (const target of targets) {
      const probe = await fetch(urlOf(target), {
        method: target.method,
        headers: { ...(target.body ? { 'content-type': 'application/json' } : {}), ...target.headers },
        ...(target.body ? { body: JSON.stringify(target.body) } : {}),
      });
      if (probe.status !== target.status)
        throw new Error(`${target.name}: status ${probe.status}, expected ${target.status}`);
      await run(urlOf(target), target, 1, 10);
    }
    const bareOf = {
      GET: targets.find((t) => t.server === 'bare' && t.method === 'GET')!,
      POST: targets.find((t) => t.server === 'bare' && t.method === 'POST')!,
    };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (let round = 0; round < ROUNDS; round++) {
      const rows = new Map<string, Row>();
      for (const connections of CONNECTIONS) {
        // Each app target right after the bare route of its method, and judged against that run: the machine's
        // state (another process, the heap) drifts over a round, and a pair measured together cancels it.
        const bareRuns = { GET: [] as AutocannonResult[], POST: [] as AutocannonResult[] };
        const bareBefore = new Map<string, number>();
        const row = (target: Target, r: AutocannonResult): Row => ({
          target,
          connections,
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          xGet: 0,
          xPost: 0,
        });
        for (const target of targets.filter((t) => t.server !== 'bare')) {
          const bare = await measure(urlOf(bareOf[target.method]), bareOf[target.method], SECONDS, connections);
          bareRuns[target.method].push(bare);
          bareBefore.set(target.name, bare.requests.average);
          const r = await measure(urlOf(target), target, SECONDS, connections);
          rssAfter.set(keyOf(target, connections), Math.round((procKb(pid, 'VmRSS') ?? 0) / 1024));
          rows.set(keyOf(target, connections), row(target, r));
        }
        for (const method of ['GET', 'POST'] as const) {
          if (!bareRuns[method].length) {
            bareRuns[method].push(await measure(urlOf(bareOf[method]), bareOf[method], SECONDS, connections));
          }
          const runs = bareRuns[method];
          rssAfter.set(keyOf(bareOf[method], connections), Math.round((procKb(pid, 'VmRSS') ?? 0) / 1024));
          const avg = (f: (r: AutocannonResult) => number) => mean(runs.map(f));
          rows.set(keyOf(bareOf[method], connections), {
            ...row(bareOf[method], runs[0]),
            rps: avg((r) => r.requests.average),
            p50: avg((r) => r.latency.p50),
            p99: avg((r) => r.latency.p99),
          });
        }
        for (const r of rows.values()) {
          if (r.connections !== connections) continue;
          const own = bareBefore.get(r.target.name);
          const base = {
            GET: mean(bareRuns.GET.map((b) => b.requests.average)),
            POST: mean(bareRuns.POST.map((b) => b.requests.average)),
          };
          if (own !== undefined) base[r.target.method] = own;
          r.xGet = r.rps / base.GET;
          r.xPost = r.rps / base.POST;
        }
      }
      rounds.push(rows);
    }
    hwmKb = procKb(pid, 'VmHWM');
    // After the load, on an idle server: a first visit to the H5 home page.
    fcp = process.env.BENCH_ONLY ? null : await firstContentfulPaint(appBase);
  } finally {
    clearInterval(sampler);
    stop();
  }
  const result = targets.flatMap((target) =>
    CONNECTIONS.map((connections) => {
      const rows = rounds.map((r) => r.get(keyOf(target, connections))!);
      const xGet = Number(median(rows.map((r) => r.xGet)).toFixed(2));
      const xPost = Number(median(rows.map((r) => r.xPost)).toFixed(2));
      return {
        name: target.name,
        connections,
        rps: Math.round(median(rows.map((r) => r.rps))),
        p50Ms: median(rows.map((r) => r.p50)),
        p99Ms: median(rows.map((r) => r.p99)),
        xBareGet: xGet,
        xBarePost: xPost,
        /** The ratio the target is judged on: to the bare route of the same method. */
        xBare: target.method === 'GET' ? xGet : xPost,
        minRatio: target.minRatio ?? null,
        rssAfterMb: rssAfter.get(keyOf(target, connections)) ?? null,
      };
    }),
  );

  const figures: Figure[] = [];
  for (const r of result) {
    if (r.name.startsWith('bare')) continue;
    if (r.name === BOT_FLOOR_TARGET.name) {
      figures.push({
        figure: `${r.name}, ${r.connections} connections: × bare POST (the most the bot message call could reach)`,
        value: r.xBare.toFixed(2),
        target: '—',
        met: null,
      });
      const call = result.find((c) => c.name === BOT_TARGET.name && c.connections === r.connections);
      if (call) {
        figures.push({
          figure: `${BOT_TARGET.name}, ${r.connections} connections: × its floor (requests/s, medians)`,
          value: (call.rps / r.rps).toFixed(2),
          target: '—',
          met: null,
        });
      }
      continue;
    }
    if (r.minRatio !== null) {
      figures.push({
        figure: `${r.name}, ${r.connections} connections: × bare ${r.name.includes(': GET') ? 'GET' : 'POST'}`,
        value: r.xBare.toFixed(2),
        target: `≥ ${r.minRatio}`,
        met: r.xBare >= r.minRatio,
      });
    }
    if (r.connections === 10) {
      figures.push({
        figure: `${r.name}, 10 connections: p50 / p99`,
        value: `${r.p50Ms} / ${r.p99Ms} ms`,
        target: `p99 ≤ ${P99_TARGET_MS} ms`,
        met: r.p99Ms <= P99_TARGET_MS,
      });
    } else {
      figures.push({
        figure: `${r.name}, 100 connections: p50 / p99`,
        value: `${r.p50Ms} / ${r.p99Ms} ms`,
        target: '—',
        met: null,
      });
    }
  }
  const rssMb = hwmKb === null ? null : Math.round(hwmKb / 1024);
  figures.push({
    figure: 'server peak RSS (VmHWM of the serving process: start-up, both load levels and the page loads)',
    value:
      rssMb === null
        ? 'not measured'
        : `${rssMb} MB (at start, before any load, ${Math.round((startRssKb ?? 0) / 1024)} MB; highest sample under load ${Math.round(peakRssKb / 1024)} MB)`,
    target: `≤ ${RSS_TARGET_MB} MB`,
    met: rssMb === null ? null : rssMb <= RSS_TARGET_MB,
  });
  const classification = process.env.BENCH_ONLY ? null : await classificationTimes();
  const model = modelFigures();
  if (classification) {
    figures.push({
      figure: `bot classification alone (${classification.utterances} held-out utterances): p50 / p99`,
      value: `${classification.p50Ms} / ${classification.p99Ms} ms`,
      target: '—',
      met: null,
    });
  }
  figures.push({
    figure: `bot model training time (its last training${model.trainedAt ? `, ${model.trainedAt}` : ''})`,
    value: model.trainMs === null ? 'not recorded' : `${(model.trainMs / 1000).toFixed(1)} s`,
    target: '—',
    met: null,
  });
  figures.push({
    figure: 'bot model size',
    value: model.modelBytes === null ? 'no model' : `${Math.round(model.modelBytes / 1024)} KB`,
    target: '—',
    met: null,
  });
  const weapp = process.env.BENCH_ONLY ? null : weappMainBytes();
  if (weapp) {
    figures.push({
      figure: `WeChat main package (miniapp/dist/weapp${weapp.built ? ', built for this run' : ''}; whole build ${Math.round(weapp.totalBytes / 1024)} KB)`,
      value: `${Math.round(weapp.mainBytes / 1024)} KB`,
      target: `≤ ${WEAPP_TARGET_KB} KB`,
      met: weapp.mainBytes <= WEAPP_TARGET_KB * 1024,
    });
  }
  if (!process.env.BENCH_ONLY) {
    figures.push({
      figure: `H5 first contentful paint (headless Chromium, 375×812, first visit; median of ${fcp?.allMs.length ?? 0}${h5Built ? '; H5 built for this run' : ''})`,
      value: fcp ? `${fcp.medianMs} ms (${fcp.allMs.join(', ')})` : 'no Chromium at /usr/bin/chromium',
      target: `≤ ${FCP_TARGET_MS} ms`,
      met: fcp ? fcp.medianMs <= FCP_TARGET_MS : null,
    });
  }

  const out = [
    `HTTP bench (${ROUNDS} rounds × ${SECONDS} s per target at ${CONNECTIONS.join(' and ')} connections, no pipelining, 127.0.0.1; medians)`,
    '',
    '| target | connections | req/s | p50 ms | p99 ms | × bare GET | × bare POST | RSS after, MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of result) {
    out.push(
      `| ${r.name} | ${r.connections} | ${r.rps} | ${r.p50Ms} | ${r.p99Ms} | ${r.xBareGet.toFixed(2)} | ${r.xBarePost.toFixed(2)} | ${r.rssAfterMb} |`,
    );
  }
  out.push('', '| figure | value | target | |', '|---|---|---|---|');
  for (const fig of figures) out.push(`| ${fig.figure} | ${fig.value} | ${fig.target} | ${mark(fig.met)} |`);
  const missed = figures.filter((fig) => fig.met === false);
  out.push('', missed.length ? `${missed.length} target(s) missed.` : 'Every target met.');
  process.stdout.write(out.join('\n') + '\n');
  const file = path.resolve(__dirname, '..', '..', 'bench', 'results.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        rounds: ROUNDS,
        seconds: SECONDS,
        connections: CONNECTIONS,
        http: result,
        classification,
        model,
        rss: { peakKb: hwmKb, atStartKb: startRssKb, highestSampleUnderLoadKb: peakRssKb },
        weapp,
        h5FirstContentfulPaint: fcp,
        figures,
      },
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
