// The bench's figures other than requests per second: a signed-in resident with an application (for the
// application read call), the serving process's peak RSS, the bot model's training time and size, the WeChat
// main-package size and the H5 first contentful paint in headless Chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MODEL_PATH } from '@changhu/intents';
import { withCheckDigit } from '../src/seed';
import { hasChromium, launchChromium } from '../test/helpers/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const MINIAPP = path.join(ROOT, 'miniapp');

async function json(url: string, init: RequestInit = {}, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Signs a resident in the way the app does (code from the development outbox) and starts an application. */
export async function residentWithApplication(base: string): Promise<{ token: string; applicationId: string }> {
  const phone = '13955550001';
  await json(`${base}/api/v1/auth/codes`, { method: 'POST', body: JSON.stringify({ phone }) });
  const outbox = (await json(`${base}/api/v1/dev/sms-outbox?phone=${phone}`)) as unknown as { text: string }[];
  const code = /(\d{6})/.exec(outbox[0]?.text ?? '')?.[1];
  if (!code) throw new Error('bench: no sign-in code in the outbox');
  const { token } = (await json(`${base}/api/v1/auth/sessions`, {
    method: 'POST',
    body: JSON.stringify({ phone, code }),
  })) as { token: string };
  const person = await json(
    `${base}/api/v1/persons`,
    {
      method: 'POST',
      body: JSON.stringify({
        name: '压测老人',
        idNumber: withCheckDigit('33030219450307901'),
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee-retired',
        phone: '13700000001',
        address: '温州市鹿城区测试路1号',
        relationship: 'child',
        consent: { method: 'in-person', givenBy: '压测老人', givenAt: '2026-05-01T10:00:00+08:00' },
      }),
    },
    token,
  );
  const application = await json(
    `${base}/api/v1/applications`,
    { method: 'POST', body: JSON.stringify({ personId: person.id, careMode: 'home' }) },
    token,
  );
  return { token, applicationId: String(application.id) };
}

/** Kilobytes of a /proc/<pid>/status line (VmHWM: the peak resident set so far; VmRSS: now). */
export function procKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The intent model's training time (as recorded by its last training, the intents bench's) and size. */
export function modelFigures(): { trainMs: number | null; trainedAt: string | null; modelBytes: number | null } {
  try {
    const text = fs.readFileSync(DEFAULT_MODEL_PATH, 'utf8');
    const meta = (JSON.parse(text) as { changhu?: { trainMs: number; trainedAt: string } }).changhu;
    return { trainMs: meta?.trainMs ?? null, trainedAt: meta?.trainedAt ?? null, modelBytes: Buffer.byteLength(text) };
  } catch {
    return { trainMs: null, trainedAt: null, modelBytes: null };
  }
}

function sizeOf(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
}

function npmRun(script: string): void {
  execFileSync('npm', ['run', '-s', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * The WeChat main package (what WeChat downloads before the first screen): everything in miniapp/dist/weapp
 * outside the subpackages app.json lists, as miniapp/test/weapp.build.test.ts counts it. Builds if missing.
 */
export function weappMainBytes(): { mainBytes: number; totalBytes: number; built: boolean } {
  const out = path.join(MINIAPP, 'dist', 'weapp');
  const built = !fs.existsSync(path.join(out, 'app.json'));
  if (built) npmRun('build:weapp');
  const app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const mainBytes = fs
    .readdirSync(out)
    .filter((name) => !subs.includes(name))
    .reduce((sum, name) => sum + sizeOf(path.join(out, name)), 0);
  return { mainBytes, totalBytes: sizeOf(out), built };
}

/** Builds the H5 the server serves at `/` when it is missing (a clean clone before `npm start`). */
export function ensureH5(): boolean {
  if (fs.existsSync(path.join(MINIAPP, 'dist', 'h5', 'index.html'))) return false;
  npmRun('build:h5');
  return true;
}

/**
 * First contentful paint of the H5 home page at 375×812, each load in a fresh browser context (nothing
 * cached, as a first visit), from the page's own paint timing entry; median of `loads`.
 */
export async function firstContentfulPaint(
  base: string,
  loads = 5,
): Promise<{ medianMs: number; allMs: number[] } | null> {
  if (!hasChromium()) return null;
  const browser = await launchChromium();
  const all: number[] = [];
  try {
    for (let i = 0; i < loads + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      const page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: 'load' });
      // A string, not a function: tsx's helpers (__name) do not exist in the page.
      const fcp = (await page.evaluate(`new Promise((resolve) => {
        const find = () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
        if (find()) return resolve(find().startTime);
        new PerformanceObserver(() => find() && resolve(find().startTime)).observe({ type: 'paint', buffered: true });
      })`)) as number;
      await context.close();
      // The first load warms the browser process itself (not the page), so it is not counted.
      if (i > 0) all.push(Math.round(fcp));
    }
  } finally {
    await browser.close();
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], allMs: all };
}
