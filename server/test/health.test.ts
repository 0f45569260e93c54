// GET /api/v1/health says whether the database answers: 200 when it does, 503 with a Chinese message when
// its tables cannot be read or its file cannot be opened, and 200 again once it is back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { PrismaClient } from '../src/generated/prisma/client';
import { createLogger } from '../src/middleware/requestLogger';
import { createTestApp, expectErrorShape, type TestApp } from './helpers/app';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('is ok while the database answers, 503 while its tables cannot be read, ok again after', async () => {
    expect((await t.http.get('/api/v1/health')).body).toEqual({ status: 'ok' });

    const raw = new Database(t.db.url.replace(/^file:/, ''));
    try {
      raw.exec('ALTER TABLE "User" RENAME TO "User_away"');
      const down = await t.http.get('/api/v1/health');
      expect(down.status).toBe(503);
      expectErrorShape(down.body);
      expect(down.body.error.message).toContain('稍后再试');
      // Not logged as a server fault with a stack: it is the answer the probe asked for.
      expect(t.logs.join('\n')).not.toMatch(/"status":500/);
    } finally {
      raw.exec('ALTER TABLE "User_away" RENAME TO "User"');
      raw.close();
    }
    const up = await t.http.get('/api/v1/health');
    expect([up.status, up.body]).toEqual([200, { status: 'ok' }]);
  });

  it('is 503 when the database file cannot be opened at all', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-health-'));
    // A database under a directory that does not exist: every query fails.
    const prisma = new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: 'file:' + path.join(dir, 'missing', 'x.db') }),
    });
    const logs: string[] = [];
    const app = createApp({
      prisma,
      config: loadConfig({ NODE_ENV: 'test' }, { dataDir: path.join(dir, 'data') }),
      logger: createLogger((l) => logs.push(l)),
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/health`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { message: string } };
      expectErrorShape(body);
      expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await prisma.$disconnect().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
