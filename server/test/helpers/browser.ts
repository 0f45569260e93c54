// For browser tests: the real server over a fresh SQLite file on an ephemeral 127.0.0.1 port, with the
// built console; Debian's Chromium driven by playwright-core (never a downloaded browser); and a small
// API client that signs people in the way a user does (code from the dev outbox).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Middleware } from 'koa';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import type { AppState } from '../../src/lib/context';
import type { Clock } from '../../src/lib/time';
import { createLogger } from '../../src/middleware/requestLogger';
import { defaultConsoleDir } from '../../src/middleware/console';
import { seed } from '../../src/seed';
import { createTestDb, type TestDb } from './db';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => fs.existsSync(CHROMIUM);

/**
 * `describe` where Debian's Chromium is installed; elsewhere `describe.skip`, saying so and how to install it
 * (CI installs it in `.ci/run`).
 */
export function chromiumDescribe(file: string): jest.Describe {
  if (hasChromium()) return describe;
  console.warn(`${file}: SKIPPED — ${CHROMIUM} not found. Install: apt-get install -y chromium fonts-noto-cjk`);
  return describe.skip;
}

const SERVER_DIR = path.resolve(__dirname, '..', '..');
const REPO_ROOT = path.resolve(SERVER_DIR, '..');
const CONSOLE_DIR = path.join(SERVER_DIR, 'console');
/** What the console bundle is made of: its own sources and the rules module (it bundles no server code). */
const CONSOLE_SOURCES = [
  path.join(CONSOLE_DIR, 'src'),
  path.join(CONSOLE_DIR, 'public'),
  path.join(CONSOLE_DIR, 'index.html'),
  path.join(CONSOLE_DIR, 'vite.config.mts'),
  path.join(REPO_ROOT, 'rules', 'src'),
];

function newestMtime(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/**
 * Builds the console as `npm run build:console` does (type check ≈8 s, then `vite build` ≈2 s) when its
 * build is missing or older than its sources, so CI, which starts without a build, also type-checks it.
 */
export function ensureConsoleBuilt(): string {
  const dist = defaultConsoleDir();
  const built = fs.statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > Math.max(...CONSOLE_SOURCES.map(newestMtime))) return dist;
  const bin = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
  const run = (args: string[]) => {
    try {
      execFileSync(process.execPath, args, {
        cwd: REPO_ROOT,
        stdio: 'pipe',
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      });
    } catch (err) {
      const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(
        `console build failed: ${args.join(' ')}\n${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`,
      );
    }
  };
  run([bin('typescript', 'bin/tsc'), '-p', path.join(CONSOLE_DIR, 'tsconfig.json')]);
  run([bin('vite', 'bin/vite.js'), 'build', '--config', path.join(CONSOLE_DIR, 'vite.config.mts')]);
  return dist;
}

export interface RunningServer {
  baseUrl: string;
  db: TestDb;
  logs: string[];
  close(): Promise<void>;
}

export interface ServerOptions {
  /** The server's clock (default the real one), for tests that need months to have passed. */
  clock?: Clock;
  /** Config overrides, e.g. a longer sessionTtlMinutes when the clock jumps. */
  config?: Partial<Config>;
  /** Middleware served after the API and the console (the mini-program's H5 build at `/`). */
  extra?: Middleware<AppState>[];
}

/** createApp over a fresh, migrated and seeded database, on the real clock unless given one, on 127.0.0.1:0. */
export async function startServer(consoleDir: string | undefined, options: ServerOptions = {}): Promise<RunningServer> {
  const db = await createTestDb();
  await seed(db.prisma);
  const logs: string[] = [];
  const config = loadConfig({ NODE_ENV: 'test' }, { dataDir: path.join(db.dir, 'data'), ...options.config });
  const app = createApp({
    prisma: db.prisma,
    config,
    logger: createLogger((l) => logs.push(l)),
    ...(consoleDir ? { consoleDir } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.extra ? { extra: options.extra } : {}),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.cleanup();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The API as a resident's app would call it; throws with the error body on any failure. */
export class ApiClient {
  token: string | null = null;
  constructor(readonly baseUrl: string) {}

  async call<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}/api/v1${route}`, { method, headers, body: payload });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The latest code texted to a phone, read from the development outbox. */
  async latestCode(phone: string): Promise<string> {
    const messages = await this.call<{ text: string }[]>('GET', `/dev/sms-outbox?phone=${phone}`);
    const code = /(\d{6})/.exec(messages[0]?.text ?? '')?.[1];
    if (!code) throw new Error(`no code in the outbox for ${phone}`);
    return code;
  }

  async signIn(phone: string): Promise<void> {
    await this.call('POST', '/auth/codes', { phone });
    const session = await this.call<{ token: string }>('POST', '/auth/sessions', {
      phone,
      code: await this.latestCode(phone),
    });
    this.token = session.token;
  }
}

/** Retries a read until the check passes (the page updates after requests), or fails with the last error. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => void, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      check(await read());
      return;
    } catch (err) {
      failure = err;
    }
    if (Date.now() > end) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `await poll(() => locator.textContent()).toBe('已受理')`: jest's matchers, retried until they pass. */
export function poll<T>(read: () => Promise<T>) {
  return {
    toBe: (expected: T) => eventually(read, (v) => expect(v).toBe(expected)),
    toContain: (expected: string) => eventually(read, (v) => expect(v).toContain(expected)),
    toMatch: (expected: RegExp) => eventually(read, (v) => expect(v).toMatch(expected)),
  };
}

/** What the accessibility standards check on a page: what breaks them, plus how much was looked at. */
export interface LayoutReport {
  /** document width beyond the viewport (sideways scrolling). */
  scrollWidth: number;
  targets: number;
  /** Controls (the selector) under 44×44px. */
  smallTargets: string[];
  /** Inputs, selects and text areas without a label. */
  unlabelled: string[];
  texts: number;
  /** Visible text under 16px. */
  smallTexts: string[];
  /** Visible text under 4.5:1 against the background it sits on (the nearest ancestor that paints one). */
  poorContrast: string[];
}

/** Measures the page as it is shown: width, control sizes, labels, text sizes and contrast. */
export async function layoutReport(page: Page, targetSelector: string): Promise<LayoutReport> {
  return (await page.evaluate(`(() => {
    const visible = (el) => el.offsetParent !== null;
    const targets = [...document.querySelectorAll(${JSON.stringify(targetSelector)})].filter(visible)
      .map((el) => { const r = el.getBoundingClientRect(); return { ok: r.height >= 44 && r.width >= 44, what: el.tagName + ':' + (el.textContent || el.id) }; });
    const unlabelled = [...document.querySelectorAll('input, select, textarea')].filter((el) => el.labels.length === 0).map((el) => el.id);
    const texts = [...document.querySelectorAll('body *')]
      .filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
    const rgb = (s) => (s.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c;
      }
      return [255, 255, 255];
    };
    const what = (el) => el.tagName + ':' + el.textContent.slice(0, 20);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      targets: targets.length,
      smallTargets: targets.filter((t) => !t.ok).map((t) => t.what),
      unlabelled,
      texts: texts.length,
      smallTexts: texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 16).map(what),
      poorContrast: texts
        .map((el) => {
          const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
          return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), what: what(el) };
        })
        .filter((t) => t.ratio < 4.5)
        .map((t) => t.what + ' ' + t.ratio.toFixed(2)),
    };
  })()`)) as LayoutReport;
}
