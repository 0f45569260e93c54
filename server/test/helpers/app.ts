// Builds the app over a fresh database with a settable clock and a captured log, and signs people in
// the way a user does (request a code, read it from the dev outbox, post it).
import path from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/middleware/requestLogger';
import { seed, DEMO_ACCOUNTS } from '../../src/seed';
import type { Role } from '../../src/lib/roles';
import { createTestDb, type TestDb } from './db';

export interface TestApp {
  db: TestDb;
  http: TestAgent;
  /** http://127.0.0.1:<port>, for raw requests supertest cannot make (a body sent in parts). */
  baseUrl: string;
  config: Config;
  logs: string[];
  /** The instant the app believes it is; tests move it. */
  setNow(iso: string | Date): void;
  advance(ms: number): void;
  now(): Date;
  close(): Promise<void>;
}

export async function createTestApp(
  opts: { now?: string; seed?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  if (opts.seed !== false) await seed(db.prisma);
  let now = new Date(opts.now ?? '2026-05-20T02:00:00Z');
  const logs: string[] = [];
  const config = loadConfig({ NODE_ENV: 'test' }, { dataDir: path.join(db.dir, 'data'), ...opts.config });
  const app = createApp({ prisma: db.prisma, config, clock: () => now, logger: createLogger((l) => logs.push(l)) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const http = request(server);
  const address = server.address() as import('node:net').AddressInfo;
  return {
    db,
    http,
    baseUrl: `http://127.0.0.1:${address.port}`,
    config,
    logs,
    setNow: (at) => {
      now = new Date(at);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => now,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.cleanup();
    },
  };
}

/** The latest code texted to a phone, from the dev outbox table. */
export async function latestCode(t: TestApp, phone: string): Promise<string> {
  const msg = await t.db.prisma.smsMessage.findFirst({ where: { phone }, orderBy: { createdAt: 'desc' } });
  const code = /(\d{6})/.exec(msg?.text ?? '')?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

/** Signs a phone in and returns its bearer token; moves the clock past the one-a-minute limit. */
export async function signIn(t: TestApp, phone: string): Promise<string> {
  t.advance(61_000);
  const sent = await t.http.post('/api/v1/auth/codes').send({ phone });
  if (sent.status !== 202) throw new Error(`code request failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  const res = await t.http.post('/api/v1/auth/sessions').send({ phone, code: await latestCode(t, phone) });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

export const DEMO_PHONE = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.role, a.phone])) as Record<Role, string>;

/** Tokens of the five demo accounts (seeded), one per role. */
export async function signInAllRoles(t: TestApp): Promise<Record<Role, string>> {
  const tokens = {} as Record<Role, string>;
  for (const [role, phone] of Object.entries(DEMO_PHONE) as [Role, string][]) tokens[role] = await signIn(t, phone);
  return tokens;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Every error answer has the contract's shape and no stack trace. */
export function expectErrorShape(body: unknown): void {
  expect(body).toEqual({
    error: {
      code: expect.any(String),
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
      details: expect.any(Array),
    },
  });
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
}
