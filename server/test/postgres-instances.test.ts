// Two real server processes (node server/src/index.ts, as `npm start` runs it) on one PostgreSQL database,
// behind a pretend proxy (TRUST_PROXY=1, X-Forwarded-For names the client), sharing one DATA_DIR for uploads:
// whatever one instance stores the other answers from, and the sign-in limits and the feedback limit hold
// for a burst of requests split over both.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { askedSlot } from './helpers/bot';
import { personBody, PNG } from './helpers/fixtures';
import { describeWithPostgres, startPostgres, type TestPostgres } from './helpers/postgres';

const ROOT = path.resolve(__dirname, '..', '..');
const CODES_PER_ADDRESS = 6;

interface Instance {
  proc: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<unknown>;
}

async function startInstance(name: string, url: string, dataDir: string): Promise<Instance> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      TRUST_PROXY: '1',
      CODES_PER_ADDRESS_PER_HOUR: String(CODES_PER_ADDRESS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${out}`)), 60_000);
    proc.stdout!.on('data', () => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before listening:\n${out}`));
    });
  });
  return { proc, base: `http://127.0.0.1:${port}/api/v1`, output: () => out, exited };
}

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One JSON call; `from` is the client address the pretend proxy forwards. */
async function call(
  at: Instance,
  method: string,
  route: string,
  opts: { token?: string; body?: unknown; from?: string; key?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'X-Forwarded-For': opts.from ?? '10.1.0.1' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.key) headers['Idempotency-Key'] = opts.key;
  const res = await fetch(at.base + route, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const codeIn = (text: string) => /(\d{6})/.exec(text)![1];

let pg: TestPostgres;
let url: string;
let dir: string;
let A: Instance;
let B: Instance;
/** A for even i, B for odd: a burst split over both instances. */
const either = (i: number) => (i % 2 ? B : A);

async function outbox(at: Instance, phone: string): Promise<string[]> {
  const res = await call(at, 'GET', `/dev/sms-outbox?phone=${phone}`);
  return (res.body as { text: string }[]).map((m) => m.text);
}

/** Asks for the code on A and signs in with it on B. */
async function signIn(phone: string, from = '10.1.0.1'): Promise<string> {
  expect((await call(A, 'POST', '/auth/codes', { body: { phone }, from })).status).toBe(202);
  const [text] = await outbox(B, phone);
  const res = await call(B, 'POST', '/auth/sessions', { body: { phone, code: codeIn(text) }, from });
  expect(res.status).toBe(201);
  return res.body.token as string;
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0].n);
  } finally {
    await client.end();
  }
}

describeWithPostgres()('two server instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    pg = await startPostgres();
    // The test cluster trusts local connections, so any password does; the start-up line must hide it.
    url = (await pg.migratedDatabase('instances')).replace('postgres@', 'postgres:not-to-be-shown@');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-instances-'));
    const dataDir = path.join(dir, 'data');
    // Both start at once, as a deploy starts them: the seed runs on both without tripping over the other.
    [A, B] = await Promise.all([startInstance('A', url, dataDir), startInstance('B', url, dataDir)]);
  }, 120_000);
  afterAll(async () => {
    for (const i of [A, B]) {
      if (i && i.proc.exitCode === null) {
        i.proc.kill('SIGKILL');
        await i.exited;
      }
    }
    pg?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('start on PostgreSQL, name it without its password, and answer health on both', async () => {
    expect(A.output()).toContain(`(database postgresql://postgres:***@127.0.0.1:${pg.port}/instances)`);
    expect(A.output() + B.output()).not.toContain('not-to-be-shown');
    for (const i of [A, B]) expect((await call(i, 'GET', '/health')).body).toEqual({ status: 'ok' });
  });

  it('a code asked for on A signs in on B; the session works on both, and signing out on A ends it on B', async () => {
    const token = await signIn('13900000301');
    expect((await call(A, 'GET', '/me', { token })).body.phone).not.toContain('13900000301'); // masked
    expect((await call(A, 'GET', '/me', { token })).status).toBe(200);
    expect((await call(B, 'GET', '/me', { token })).status).toBe(200);
    expect((await call(A, 'DELETE', '/auth/sessions/current', { token })).status).toBe(204);
    expect((await call(B, 'GET', '/me', { token })).status).toBe(401);
  });

  it('an application created and submitted on A is read and accepted on B; its material, uploaded on A, is downloaded from B', async () => {
    const resident = await signIn('13900000302');
    const officer = await signIn('13800000004');
    // One registration with one Idempotency-Key, retried on the other instance: the same person, once.
    const body = personBody({ name: '两台测试' });
    const first = await call(A, 'POST', '/persons', { token: resident, body, key: 'person-once' });
    const retry = await call(B, 'POST', '/persons', { token: resident, body, key: 'person-once' });
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(await count('SELECT count(*) AS n FROM "Person" WHERE name = $1', ['两台测试'])).toBe(1);

    const draft = await call(A, 'POST', '/applications', {
      token: resident,
      body: { personId: first.body.id, careMode: 'home' },
    });
    expect(draft.status).toBe(201);
    const form = new FormData();
    form.append('kind', 'id-card');
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'id-card.png');
    const uploaded = await fetch(`${A.base}/applications/${draft.body.id}/materials`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${resident}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const material = (await uploaded.json()) as { id: string };
    expect(
      (await call(A, 'POST', `/applications/${draft.body.id}/moves`, { token: resident, body: { move: 'submit' } }))
        .status,
    ).toBe(200);

    const read = await call(B, 'GET', `/applications/${draft.body.id}`, { token: officer });
    expect(read.body.state).toBe('submitted');
    const accepted = await call(B, 'POST', `/applications/${draft.body.id}/moves`, {
      token: officer,
      body: { move: 'accept' },
    });
    expect([accepted.status, accepted.body.state]).toEqual([200, 'accepted']);
    expect((await call(A, 'GET', `/applications/${draft.body.id}`, { token: resident })).body.state).toBe('accepted');
    const content = await fetch(`${B.base}/applications/${draft.body.id}/materials/${material.id}/content`, {
      headers: { Authorization: `Bearer ${officer}` },
    });
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('a bot conversation started on A continues on B where it left off', async () => {
    const first = await call(A, 'POST', '/bot/messages', { body: { text: '温州机构护理每个月能报多少' } });
    expect(first.status).toBe(200);
    expect(askedSlot(first.body.reply.text)).toBe('grade');
    const next = await call(B, 'POST', '/bot/messages', {
      body: { sessionId: first.body.sessionId, text: '重度失能Ⅱ级' },
    });
    expect(next.status).toBe(200);
    const asked = askedSlot(next.body.reply.text);
    expect(asked).toBeDefined();
    expect(['region', 'careMode', 'grade']).not.toContain(asked);
    expect(
      await count('SELECT count(*) AS n FROM "BotMessage" WHERE "conversationId" = $1', [first.body.sessionId]),
    ).toBe(4);
  });

  it('a burst of code requests split over A and B: one code a minute per phone, and the per-address limit', async () => {
    const phone = '13900000303';
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(either(i), 'POST', '/auth/codes', { body: { phone }, from: '10.2.0.1' }),
      ),
    );
    expect(burst.map((r) => r.status).sort()).toEqual([202, ...Array(9).fill(429)]);
    expect(await outbox(A, phone)).toHaveLength(1);

    // Twelve phones from one address: exactly CODES_PER_ADDRESS of them get a code.
    const phones = Array.from({ length: 12 }, (_, i) => `139000004${String(i).padStart(2, '0')}`);
    const many = await Promise.all(
      phones.map((p, i) => call(either(i), 'POST', '/auth/codes', { body: { phone: p }, from: '10.2.0.2' })),
    );
    expect(many.filter((r) => r.status === 202)).toHaveLength(CODES_PER_ADDRESS);
    expect(many.filter((r) => r.status === 429)).toHaveLength(12 - CODES_PER_ADDRESS);
    expect(await count('SELECT count(*) AS n FROM "LoginCode" WHERE address = $1', ['10.2.0.2'])).toBe(
      CODES_PER_ADDRESS,
    );
  });

  it('behind the proxy the client is the address the proxy appended: addresses the client puts before it change nothing', async () => {
    const phones = Array.from({ length: 10 }, (_, i) => `139000005${String(i).padStart(2, '0')}`);
    const spoofed = await Promise.all(
      phones.map((p, i) =>
        call(either(i), 'POST', '/auth/codes', { body: { phone: p }, from: `198.51.100.${i + 1}, 10.2.0.3` }),
      ),
    );
    expect(spoofed.filter((r) => r.status === 202)).toHaveLength(CODES_PER_ADDRESS);
    expect(await count('SELECT count(*) AS n FROM "LoginCode" WHERE address = $1', ['10.2.0.3'])).toBe(
      CODES_PER_ADDRESS,
    );
  });

  it('a burst of wrong codes split over A and B counts every guess: four refused, then locked, and the right code too', async () => {
    const phone = '13900000304';
    expect((await call(A, 'POST', '/auth/codes', { body: { phone }, from: '10.3.0.1' })).status).toBe(202);
    const code = codeIn((await outbox(B, phone))[0]);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(either(i), 'POST', '/auth/sessions', { body: { phone, code: wrong }, from: `10.3.0.${i + 2}` }),
      ),
    );
    // The fifth wrong code locks the phone; the guesses after it are not even checked.
    expect(burst.filter((r) => r.status === 400)).toHaveLength(4);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(8);
    expect(burst.find((r) => r.status === 429)!.body.error.message).toContain('锁定');
    expect(await count('SELECT count(*) AS n FROM "SignInAttempt" WHERE phone = $1', [phone])).toBe(5);
    for (const at of [A, B]) {
      expect((await call(at, 'POST', '/auth/sessions', { body: { phone, code }, from: '10.3.0.1' })).status).toBe(429);
    }
  });

  it('one code signs in once, even sent to both instances at the same moment', async () => {
    const phone = '13900000305';
    expect((await call(A, 'POST', '/auth/codes', { body: { phone }, from: '10.4.0.1' })).status).toBe(202);
    const code = codeIn((await outbox(A, phone))[0]);
    const burst = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call(either(i), 'POST', '/auth/sessions', { body: { phone, code }, from: '10.4.0.1' }),
      ),
    );
    expect(burst.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    expect(
      await count('SELECT count(*) AS n FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.phone = $1', [
        phone,
      ]),
    ).toBe(1);
  });

  it('feedback: twenty an hour per address, counted across both instances', async () => {
    const report = (i: number) =>
      call(either(i), 'POST', '/feedback', {
        from: '10.5.0.1',
        body: { topic: 'other', page: '/pages/index/index', inputs: {}, answer: {}, message: `第${i}条反馈` },
      });
    const burst = await Promise.all(Array.from({ length: 26 }, (_, i) => report(i)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(20);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(6);
    expect(
      (
        await call(B, 'POST', '/feedback', {
          from: '10.5.0.2',
          body: { topic: 'other', page: '/p', inputs: {}, answer: {}, message: '另一个地址' },
        })
      ).status,
    ).toBe(201);
  });
});
