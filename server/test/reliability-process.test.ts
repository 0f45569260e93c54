// The real server process (node server/src/index.ts on a migrated temporary SQLite file, 127.0.0.1 only):
// SIGTERM lets a request in flight finish and exits 0; SIGKILL in the middle of a stream of writes loses no
// acknowledged write and leaves a database that passes PRAGMA integrity_check.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrationFiles } from './helpers/db';
import { personBody } from './helpers/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');

interface Running {
  proc: ChildProcess;
  baseUrl: string;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function migratedDb(dir: string): string {
  const file = path.join(dir, 'changhu.db');
  const raw = new Database(file);
  for (const sql of migrationFiles()) raw.exec(fs.readFileSync(sql, 'utf8'));
  raw.close();
  return file;
}

/** Starts the server as `npm start` would run it (from source through tsx) and waits for its address. */
async function startServer(dbFile: string, dataDir: string): Promise<Running> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: 'file:' + dbFile,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 40 s:\n${out}`)), 40_000);
    const look = () => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', look);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  return { proc, port, baseUrl: `http://127.0.0.1:${port}`, output: () => out, exited };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Signs a phone in the way a person does, reading the code from the development outbox. */
async function signIn(baseUrl: string, phone: string): Promise<string> {
  const json = { 'Content-Type': 'application/json' };
  const sent = await fetch(`${baseUrl}/api/v1/auth/codes`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ phone }),
  });
  expect(sent.status).toBe(202);
  const outbox = (await (await fetch(`${baseUrl}/api/v1/dev/sms-outbox?phone=${phone}`)).json()) as { text: string }[];
  const code = /(\d{6})/.exec(outbox[0].text)![1];
  const res = await fetch(`${baseUrl}/api/v1/auth/sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ phone, code }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

let dir: string;
const running: Running[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-process-'));
});
afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.proc.exitCode === null && r.proc.signalCode === null) {
      r.proc.kill('SIGKILL');
      await r.exited;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('on SIGTERM refuses new connections, finishes the request in flight, closes the database and exits 0', async () => {
    const db = migratedDb(dir);
    const server = await startServer(db, path.join(dir, 'data'));
    running.push(server);

    // A slow client: the headers and half the body now, the rest after the signal.
    const body = Buffer.from(
      JSON.stringify({
        topic: 'eligibility',
        page: '/cost/estimate/index',
        region: 'wenzhou',
        inputs: { region: 'wenzhou' },
        answer: { fen: 1 },
        message: '关机时正在提交的反馈',
      }),
    );
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      'POST /api/v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`,
    );
    socket.write(body.subarray(0, 20));
    await new Promise((r) => setTimeout(r, 200));

    server.proc.kill('SIGTERM');
    await waitFor(() => server.output().includes('SIGTERM: finishing requests in flight'), 10_000);
    await expect(fetch(`${server.baseUrl}/api/v1/health`)).rejects.toThrow();
    expect(server.proc.exitCode).toBeNull(); // still finishing the slow request

    await new Promise((r) => setTimeout(r, 300));
    socket.end(body.subarray(20));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(answer).toContain('谢谢');

    expect(await server.exited).toEqual({ code: 0, signal: null });
    const raw = new Database(db, { readonly: true });
    try {
      const rows = raw.prepare('SELECT message FROM "Feedback"').all() as { message: string }[];
      expect(rows.map((r) => r.message)).toEqual(['关机时正在提交的反馈']);
    } finally {
      raw.close();
    }
  }, 60_000);

  it('killed with SIGKILL in the middle of a stream of writes: after a restart every acknowledged write is there, and retries with their keys are not acted again', async () => {
    const db = migratedDb(dir);
    const dataDir = path.join(dir, 'data');
    const first = await startServer(db, dataDir);
    running.push(first);
    const token = await signIn(first.baseUrl, '13900000101');

    // Four writers registering persons one after another, each with its Idempotency-Key; an id is
    // acknowledged once its 201 has arrived.
    const acknowledged: string[] = [];
    const sent = new Map<string, { key: string; body: string }>();
    let failed = 0;
    let stop = false;
    let serial = 0;
    const register = (baseUrl: string, key: string, body: string) =>
      fetch(`${baseUrl}/api/v1/persons`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key },
        body,
      });
    const writer = async () => {
      while (!stop) {
        try {
          const key = `person-${(serial += 1)}`;
          const body = JSON.stringify(personBody());
          const res = await register(first.baseUrl, key, body);
          if (res.status !== 201) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
          const id = ((await res.json()) as { id: string }).id;
          sent.set(id, { key, body });
          acknowledged.push(id);
        } catch (err) {
          if (!stop) throw err;
          failed += 1; // in flight when the process died: never acknowledged
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    await waitFor(() => acknowledged.length >= 60, 30_000);
    stop = true;
    first.proc.kill('SIGKILL');
    await Promise.allSettled(writers);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const acked = [...acknowledged];

    const second = await startServer(db, dataDir);
    running.push(second);
    // The session is in the database too: the same token still works.
    const listed = (await (
      await fetch(`${second.baseUrl}/api/v1/persons`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { id: string }[];
    const ids = new Set(listed.map((p) => p.id));
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);
    // At most the writes in flight at the kill are there without an acknowledgement.
    expect(ids.size - acked.length).toBeLessThanOrEqual(4);
    // The phone retries what it sent before the crash: the first answers, nothing registered twice.
    const retried = await Promise.all(
      acked.map(async (id) => {
        const { key, body } = sent.get(id)!;
        const res = await register(second.baseUrl, key, body);
        return `${res.status} ${((await res.json()) as { id: string }).id === id} ${res.headers.get('idempotent-replayed')}`;
      }),
    );
    expect(new Set(retried)).toEqual(new Set(['201 true true']));
    const after = (await (
      await fetch(`${second.baseUrl}/api/v1/persons`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as unknown[];
    expect(after).toHaveLength(ids.size);

    second.proc.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    const raw = new Database(db);
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = raw.prepare('SELECT id FROM "Person"').all() as { id: string }[];
      const storedIds = new Set(stored.map((r) => r.id));
      expect(acked.every((id) => storedIds.has(id))).toBe(true);
    } finally {
      raw.close();
    }
    process.stdout.write(
      `kill -9: ${acked.length} acknowledged writes all present after restart, ${failed} cut off in flight\n`,
    );
  }, 60_000);
});
