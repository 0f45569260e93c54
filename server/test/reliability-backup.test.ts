// The backup command (server/src/ops/backup.ts, run as its own process the way `npm run db:backup` runs
// it) while the server takes a stream of writes; the copy passes integrity_check, holds every write
// acknowledged before the backup began, and a server started on it (the restore) answers with them.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { createLogger } from '../src/middleware/requestLogger';
import { backupDatabase, databaseFile, defaultBackupFile } from '../src/ops/backup';
import { bearer, createTestApp, DEMO_PHONE, signIn, type TestApp } from './helpers/app';
import { personBody } from './helpers/fixtures';
import request from 'supertest';

const ROOT = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await signIn(t, DEMO_PHONE.resident);
});
afterAll(() => t.close());

/** Registers persons one after another until told to stop; ids are added once their 201 has arrived. */
function writeUntil(stop: { now: boolean }, acknowledged: string[]): Promise<void> {
  return (async () => {
    while (!stop.now) {
      const res = await t.http.post('/api/v1/persons').set(bearer(token)).send(personBody());
      if (res.status !== 201) throw new Error(`write refused: ${res.status}`);
      acknowledged.push(res.body.id as string);
    }
  })();
}

describe('db:backup', () => {
  it('copies the database while writes go on; the copy is whole and a server restored on it has the writes', async () => {
    const dest = path.join(t.db.dir, 'backups', 'copy.db');
    const acknowledged: string[] = [];
    const stop = { now: false };
    const writers = [writeUntil(stop, acknowledged), writeUntil(stop, acknowledged)];
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 10));

    const before = [...acknowledged];
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/src/ops/backup.ts', dest], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: t.db.url },
      timeout: 30_000,
    });
    const backupMs = performance.now() - started;
    const during = acknowledged.length - before.length;
    stop.now = true;
    await Promise.all(writers);
    expect(stdout).toContain('integrity ok');
    // Only the finished copy: no partial file left beside it.
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['copy.db']);
    // The writes did go on while the backup ran.
    expect(during).toBeGreaterThan(0);

    const copy = new Database(dest, { readonly: true });
    let copied: Set<string>;
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copied = new Set((copy.prepare('SELECT id FROM "Person"').all() as { id: string }[]).map((r) => r.id));
    } finally {
      copy.close();
    }
    expect(before.filter((id) => !copied.has(id))).toEqual([]);

    // Restore: a server on the copy lists the acknowledged persons to the same signed-in resident.
    const prisma = await openDatabase('file:' + dest);
    try {
      const app = createApp({
        prisma,
        config: loadConfig({ NODE_ENV: 'test' }, { dataDir: path.join(t.db.dir, 'restored') }),
        clock: () => t.now(),
        logger: createLogger(() => undefined),
      });
      const server = app.listen(0, '127.0.0.1');
      try {
        const listed = await request(server).get('/api/v1/persons').set(bearer(token));
        expect(listed.status).toBe(200);
        const ids = new Set((listed.body as { id: string }[]).map((p) => p.id));
        expect(before.filter((id) => !ids.has(id))).toEqual([]);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    } finally {
      await prisma.$disconnect();
    }
    process.stdout.write(
      `db:backup: ${before.length} writes before, ${during} during the backup (${backupMs.toFixed(0)} ms as a process)\n`,
    );
  });

  it('never overwrites a file, nor copies onto the database itself, and names copies by time', async () => {
    const source = databaseFile(t.db.url);
    const dest = path.join(t.db.dir, 'second.db');
    const result = await backupDatabase(source, dest);
    expect(result.bytes).toBeGreaterThan(0);
    await expect(backupDatabase(source, dest)).rejects.toThrow(/exists already/);
    await expect(backupDatabase(source, source)).rejects.toThrow(/another file/);
    expect(defaultBackupFile('/srv/data/changhu.db', new Date('2026-12-02T15:04:05.123Z'))).toBe(
      '/srv/data/backups/changhu-20261202T150405Z.db',
    );
  });

  it('refuses a PostgreSQL database and names the tool to use instead', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/src/ops/backup.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: 'postgresql://changhu@127.0.0.1:5432/changhu' },
    }).catch((err: { code: number; stderr: string }) => err);
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('pg_dump') });
  });
});
