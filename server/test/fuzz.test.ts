// Never a 500 for bad input: every route of the OpenAPI document, with junk bodies, queries and ids,
// signed in as each role, answers 4xx (or 2xx) in the error shape.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { idNumberProblem } from '../src/lib/personal';
import type { Role } from '../src/lib/roles';
import { maskBody } from '../src/middleware/requestLogger';
import { withCheckDigit } from '../src/seed';
import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';
import { addDraft, addPerson, personBody } from './helpers/fixtures';

let t: TestApp;
let tokens: Record<Role, string>;
let routes: [string, string][] = [];
let doc: { paths: Record<string, Record<string, { 'x-roles'?: Role[] }>> };
beforeAll(async () => {
  t = await createTestApp();
  tokens = await signInAllRoles(t);
  const provider = await t.db.prisma.user.findFirst({ where: { role: 'provider' } });
  if (provider) tokens[provider.role as Role] = await signIn(t, provider.phone);
  doc = (await t.http.get('/api/v1/openapi.json')).body;
  routes = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.keys(methods).map((m) => [m, p] as [string, string]),
  );
});
afterAll(() => t.close());

const JUNK_BODIES: [string, string][] = [
  ['null', 'null'],
  ['a number', '123'],
  ['a string', '"text"'],
  ['an array', '[1,2,3]'],
  ['wrong types', '{"phone":123,"region":[],"monthlyBillFen":"a lot","move":{},"personId":7,"grade":true}'],
  ['deep nesting', '{"a":'.repeat(200) + '1' + '}'.repeat(200)],
  ['nesting 2,500 levels deep', '{"a":'.repeat(2500) + '1' + '}'.repeat(2500)],
  ['arrays 100,000 levels deep', '['.repeat(100_000) + ']'.repeat(100_000)],
  ['a lone surrogate', '{"description":"\\ud800","name":"\\udfff","reason":"a\\ud800b"}'],
  ['huge numbers', '{"monthlyBillFen":1e400,"disabilityMonths":99999999999999999999}'],
  ['broken JSON', '{"region": "wenzhou",'],
  ['a prototype key', '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}'],
];

describe('bad input never gives a 500', () => {
  it('holds for every route × junk body × role', async () => {
    const failures: string[] = [];
    for (const [method, openapiPath] of routes) {
      const path = openapiPath.replace(/\{[^}]+\}/g, '%E2%80%AE%00x');
      for (const role of [null, ...(Object.keys(tokens) as Role[])]) {
        const bodies = method === 'get' || method === 'delete' ? [['none', '']] : JUNK_BODIES;
        for (const [name, body] of bodies) {
          let req = (t.http as unknown as Record<string, (p: string) => import('supertest').Test>)[method](
            `${path}?state=%00&asOf=2026-99-99&q=${'x'.repeat(100)}&phone=1`,
          );
          if (role) req = req.set(bearer(tokens[role]));
          const res = body ? await req.set('Content-Type', 'application/json').send(body) : await req;
          if (res.status >= 500 || (res.status >= 400 && !res.body?.error?.message)) {
            failures.push(
              `${method.toUpperCase()} ${openapiPath} as ${role ?? 'anonymous'} with ${name}: ${res.status}`,
            );
          } else if (res.status >= 400) {
            expectErrorShape(res.body);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the roles of the OpenAPI document are the roles the server lets in', () => {
  it('refuses every role not listed in x-roles with 403, and no sign-in with 401', async () => {
    // The junk run above signed every token out (DELETE /auth/sessions/current): sign in again.
    for (const role of Object.keys(tokens) as Role[]) {
      const user = await t.db.prisma.user.findFirstOrThrow({ where: { role, isSample: true } });
      tokens[role] = await signIn(t, user.phone);
    }
    const wrong: string[] = [];
    for (const [method, openapiPath] of routes) {
      const allowed = doc.paths[openapiPath][method]['x-roles'];
      if (!allowed) continue;
      const path = openapiPath.replace(/\{[^}]+\}/g, 'x');
      const call = () => (t.http as unknown as Record<string, (p: string) => import('supertest').Test>)[method](path);
      const anonymous = await call().send({});
      if (anonymous.status !== 401) wrong.push(`${method} ${openapiPath} anonymous → ${anonymous.status}`);
      for (const role of Object.keys(tokens) as Role[]) {
        if (allowed.includes(role)) continue;
        const res = await call().set(bearer(tokens[role])).send({});
        if (res.status !== 403) wrong.push(`${method} ${openapiPath} ${role} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('dates outside 1900–2199, or not real, on every date field', () => {
  const BAD_DATES = ['1899-12-31', '0001-01-01', '9999-12-31', '2200-01-01', '2026-02-30'];
  const BAD_INSTANTS = ['0001-01-01T00:00:00+08:00', '9999-12-31T23:59:59Z', '1899-12-31T10:00:00+08:00'];
  const DATE_FIELD = /date|^(from|to|on|asOf|scheduledFor|month|fromMonth)$/i;
  const INSTANT_FIELD = /At$/;

  interface Op {
    'x-roles'?: Role[];
    parameters?: { name: string; in: string }[];
    requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  }

  it('answers 400 in the error shape, never a 500, for the public deadline calls the reviewer found', async () => {
    for (const url of [
      '/api/v1/deadlines/objection?region=wenzhou&noticeDate=1899-12-31',
      '/api/v1/deadlines/objection?region=wenzhou&noticeDate=9999-12-31',
      '/api/v1/deadlines/benefit-start?region=jining&approvalDate=0001-01-01',
      '/api/v1/documents?asOf=9999-12-31',
    ]) {
      const res = await t.http.get(url);
      expect([url, res.status]).toEqual([url, 400]);
      expectErrorShape(res.body);
      expect(res.body.error.message).toMatch(/1900年至2199年/);
    }
  });

  it('holds for every route × date field × role', async () => {
    for (const role of Object.keys(tokens) as Role[]) {
      const user = await t.db.prisma.user.findFirstOrThrow({ where: { role, isSample: true } });
      tokens[role] = await signIn(t, user.phone);
    }
    const failures: string[] = [];
    let tried = 0;
    for (const [method, openapiPath] of routes) {
      const op = doc.paths[openapiPath][method] as Op;
      const queryFields = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const bodyFields = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      const fields = [
        ...queryFields.map((f) => ['query', f] as const),
        ...bodyFields.map((f) => ['body', f] as const),
      ].filter(([, f]) => DATE_FIELD.test(f) || INSTANT_FIELD.test(f));
      const path = openapiPath.replace(/\{[^}]+\}/g, 'x');
      const roles = op['x-roles'] ?? [null];
      for (const [where, field] of fields) {
        const values = INSTANT_FIELD.test(field) ? BAD_INSTANTS : BAD_DATES;
        for (const value of values) {
          for (const role of roles) {
            tried += 1;
            let req = (t.http as unknown as Record<string, (p: string) => import('supertest').Test>)[method](
              where === 'query' ? `${path}?${field}=${encodeURIComponent(value)}&region=wenzhou` : path,
            );
            if (role) req = req.set(bearer(tokens[role]));
            const res = where === 'body' ? await req.send({ [field]: value }) : await req;
            if (res.status >= 500 || (res.status >= 400 && !res.body?.error?.message) || res.status < 400) {
              failures.push(
                `${method} ${openapiPath} ${where}.${field}=${value} as ${role ?? 'anonymous'}: ${res.status}`,
              );
            }
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });
});

describe('broken multipart uploads', () => {
  it('answer 400 in the error shape: no boundary, a body cut short, a malformed part header', async () => {
    const person = await t.http
      .post('/api/v1/persons')
      .set(bearer(tokens.resident))
      .send(personBody({ name: '上传测试', idNumber: withCheckDigit('33030219450307777') }));
    expect(person.status).toBe(201);
    const draft = await t.http
      .post('/api/v1/applications')
      .set(bearer(tokens.resident))
      .send({ personId: person.body.id, careMode: 'home' });
    expect(draft.status).toBe(201);
    const url = `/api/v1/applications/${draft.body.id}/materials`;
    const b = 'XyZboundary';
    const cases: [string, string, string][] = [
      ['no boundary', 'multipart/form-data', '--x\r\n\r\n'],
      [
        'cut short',
        `multipart/form-data; boundary=${b}`,
        `--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nid-card\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG`,
      ],
      [
        'malformed part header',
        `multipart/form-data; boundary=${b}`,
        `--${b}\r\n${'X'.repeat(90_000)}\r\n\r\nv\r\n--${b}--\r\n`,
      ],
      ['no parts at all', `multipart/form-data; boundary=${b}`, `--${b}--\r\n`],
    ];
    for (const [name, type, body] of cases) {
      const res = await t.http.post(url).set(bearer(tokens.resident)).set('Content-Type', type).send(body);
      expect([name, res.status]).toEqual([name, 400]);
      expectErrorShape(res.body);
    }
    const listed = await t.http.get(url).set(bearer(tokens.resident));
    expect(listed.status).toBe(200);
  });
});

// ---- Issue 9 §4: each input below was a 500, accepted, or leaked before ----

describe('a body nested too deep', () => {
  it('is a 400 in the error shape on a route that needs no sign-in, and the log line is written', async () => {
    const body = '{"phone":'.repeat(2500) + '"13800000001"' + '}'.repeat(2500);
    expect(body.length).toBeLessThan(30_000);
    const res = await t.http.post('/api/v1/auth/codes').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/json');
    expectErrorShape(res.body);
    expect(res.body.error.message).toMatch(/层级太深/);
    expect(
      t.logs
        .map((l) => JSON.parse(l))
        .some((l) => l.method === 'POST' && l.url === '/api/v1/auth/codes' && l.status === 400),
    ).toBe(true);
  });

  it('never exhausts the log masking, however deep a value handed to it', () => {
    // maskBody is depth-limited: a 100,000-deep value (built without JSON) is logged with a marker.
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(JSON.stringify(maskBody(deep))).toContain('[…]');
  });
});

describe('text the database or a reader cannot hold', () => {
  it('refuses a lone surrogate in every text field of every route, as every role, with a 400', async () => {
    for (const role of Object.keys(tokens) as Role[]) {
      const user = await t.db.prisma.user.findFirstOrThrow({ where: { role, isSample: true } });
      tokens[role] = await signIn(t, user.phone);
    }
    const failures: string[] = [];
    let tried = 0;
    for (const [method, openapiPath] of routes) {
      const op = doc.paths[openapiPath][method] as {
        'x-roles'?: Role[];
        requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { type?: unknown }> } }> };
      };
      const props = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
      const fields = Object.keys(props);
      if (!fields.length) continue;
      const path = openapiPath.replace(/\{[^}]+\}/g, 'x');
      for (const role of op['x-roles'] ?? [null]) {
        for (const field of fields) {
          tried += 1;
          let req = (t.http as unknown as Record<string, (p: string) => import('supertest').Test>)[method](path);
          if (role) req = req.set(bearer(tokens[role]));
          const res = await req.set('Content-Type', 'application/json').send(`{"${field}":"\\ud800"}`);
          if (res.status !== 400 && res.status !== 403) {
            failures.push(`${method} ${openapiPath} ${field} as ${role ?? 'anonymous'}: ${res.status}`);
          } else expectErrorShape(res.body);
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it.each([
    ['a NUL', '张\u0000三'],
    ['a control character', '张\u0007三'],
    ['a right-to-left override', '张\u202e三'],
    ['a line break', '张\n三'],
    ['a lone surrogate', '张\ud800'],
  ])('refuses %s in a name with a clear Chinese message', async (_what, name) => {
    const res = await t.http
      .post('/api/v1/persons')
      .set(bearer(tokens.resident))
      .send(
        JSON.stringify({
          name,
          idNumber: withCheckDigit('33030219450307888'),
          region: 'wenzhou',
          district: 'lucheng',
          insurance: 'employee-retired',
          phone: '13700000001',
          address: '温州市鹿城区测试路1号',
          relationship: 'child',
          consent: { method: 'in-person', givenBy: '测试', givenAt: '2026-05-01T10:00:00+08:00' },
        }),
      )
      .set('Content-Type', 'application/json');
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details).toEqual([{ path: 'name', message: expect.stringMatching(/[\u4e00-\u9fa5]/) }]);
    expect(await t.db.prisma.person.count({ where: { idNumber: withCheckDigit('33030219450307888') } })).toBe(0);
  });

  it('keeps line breaks where people write several lines (a description)', async () => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    const res = await t.http
      .patch(`/api/v1/applications/${draft.id}`)
      .set(bearer(tokens.resident))
      .send({ description: '白天能坐起。\n夜里需要翻身。' });
    expect(res.status).toBe(200);
    expect(res.body.description).toBe('白天能坐起。\n夜里需要翻身。');
  });

  it('refuses control characters in a query with a 400', async () => {
    const res = await t.http.get('/api/v1/persons?q=%E5%BC%A0%00').set(bearer(tokens.officer));
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });
});

describe('paths and content types', () => {
  it('GET /console/%00 and other control characters in a console path are a 404, not a 500', async () => {
    // A built console (index.html and one asset), as npm start serves it.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'changhu-console-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>控制台</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'a.js'), 'console.log(1)');
    const server = createApp({ prisma: t.db.prisma, config: t.config, consoleDir: dir }).listen(0, '127.0.0.1');
    try {
      const http2 = request(server);
      expect((await http2.get('/console/assets/a.js')).status).toBe(200);
      for (const p of [
        '/console/%00',
        '/console/%00.js',
        '/console/assets/%00',
        '/console/assets/a.js%00',
        '/console/a%0Ab',
      ]) {
        const res = await http2.get(p);
        expect([p, res.status]).toEqual([p, 404]);
        expectErrorShape(res.body);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a PATCH whose body is not JSON (415) and changes nothing', async () => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    for (const [type, body] of [
      ['text/plain', '{"description":"改了"}'],
      ['application/x-www-form-urlencoded', 'description=%E6%94%B9%E4%BA%86'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="description"\r\n\r\n改了\r\n--x--\r\n',
      ],
    ]) {
      const res = await t.http
        .patch(`/api/v1/applications/${draft.id}`)
        .set(bearer(tokens.resident))
        .set('Content-Type', type)
        .send(body);
      expect([type, res.status]).toEqual([type, 415]);
      expectErrorShape(res.body);
    }
    const after = await t.http.get(`/api/v1/applications/${draft.id}`).set(bearer(tokens.resident));
    expect(after.body.description).toBeNull();
  });

  it('refuses a body in a charset other than UTF-8 (415)', async () => {
    const res = await t.http
      .post('/api/v1/estimates')
      .set('Content-Type', 'application/json; charset=gbk')
      .send('{"region":"wenzhou"}');
    expect(res.status).toBe(415);
    expectErrorShape(res.body);
  });
});

describe('id numbers', () => {
  it.each(['00000019450101123', '99030219450101123', '20030219450101123', '90030219450101123'])(
    'refuses %s* (valid check digit, no such province) with a 400 naming the province code',
    async (first17) => {
      const idNumber = withCheckDigit(first17);
      expect(idNumberProblem(idNumber.slice(0, 17) + 'Z')).toBe('format');
      const res = await t.http.post('/api/v1/persons').set(bearer(tokens.resident)).send(personBody({ idNumber }));
      expect(res.status).toBe(400);
      expect(res.body.error.details).toContainEqual({ path: 'idNumber', message: expect.stringMatching(/省份代码/) });
    },
  );

  it('accepts every province code of GB/T 2260 and refuses the others', () => {
    const accepted = [];
    for (let p = 0; p < 100; p++) {
      const code = String(p).padStart(2, '0');
      if (idNumberProblem(withCheckDigit(`${code}030219450101123`)) === null) accepted.push(code);
    }
    expect(accepted.join(' ')).toBe(
      '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83',
    );
  });
});

/** Sends headers and the first part of a body, and waits for an answer without sending the rest. */
function partialUpload(baseUrl: string, path: string, token: string, sent: number, total: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const b = 'PartialBoundary';
    const head = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nmedical-record\r\n--${b}\r\n` +
        `Content-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-`,
    );
    const req = http.request(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': `multipart/form-data; boundary=${b}`,
        'Content-Length': String(head.length + total),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('no answer before the body was complete: the body was read before the check'));
    }, 3000);
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(Buffer.alloc(sent, 0x20));
  });
}

describe('uploads', () => {
  it("answers an upload to someone else's application (404) before reading its body", async () => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    const stranger = await signIn(t, '13655550077');
    const res = await partialUpload(
      t.baseUrl,
      `/api/v1/applications/${draft.id}/materials`,
      stranger,
      64 * 1024,
      9 * 1024 * 1024,
    );
    expect(res.status).toBe(404);
    expectErrorShape(JSON.parse(res.body));
  });

  it('streams an accepted upload to disk while it arrives, and stores it whole with its hash', async () => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3 * 1024 * 1024, 0x41)]);
    const res = await t.http
      .post(`/api/v1/applications/${draft.id}/materials`)
      .set(bearer(tokens.resident))
      .field('kind', 'medical-record')
      .attach('file', content, 'record.pdf');
    expect(res.status).toBe(201);
    const row = await t.db.prisma.material.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
    const dir = path.join(t.config.dataDir, 'uploads');
    expect(fs.readFileSync(path.join(dir, row.storageKey)).equals(content)).toBe(true);
    // No temporary file is left behind, for this upload or a refused one.
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('incoming-'))).toEqual([]);
  });
});

describe('sign-in codes in production', () => {
  it('refuses to start with NODE_ENV=production and no SMS gateway', () => {
    const config = loadConfig({ NODE_ENV: 'production', SIGN_IN_CODE_KEY: 'k' }, { dataDir: t.config.dataDir });
    expect(() => createApp({ prisma: t.db.prisma, config })).toThrow(/SMS_GATEWAY_URL/);
  });

  it('refuses to start in production without the shared key of stored codes', () => {
    const config = loadConfig(
      { NODE_ENV: 'production', SMS_GATEWAY_URL: 'http://127.0.0.1:9/send' },
      { dataDir: t.config.dataDir },
    );
    expect(() => createApp({ prisma: t.db.prisma, config })).toThrow(/SIGN_IN_CODE_KEY/);
  });

  it('sends the code through the gateway and stores only a keyed hash, never the text', async () => {
    const delivered: { phone: string; text: string; auth?: string }[] = [];
    const gateway = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        delivered.push({ ...JSON.parse(body), auth: req.headers.authorization });
        res.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
    const port = (gateway.address() as import('node:net').AddressInfo).port;
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        SMS_GATEWAY_URL: `http://127.0.0.1:${port}/send`,
        SMS_GATEWAY_TOKEN: 'gw-token',
        SIGN_IN_CODE_KEY: 'a-key-every-instance-shares',
      },
      { dataDir: t.config.dataDir },
    );
    const server = createApp({ prisma: t.db.prisma, config, clock: () => t.now() }).listen(0, '127.0.0.1');
    try {
      const prod = request(server);
      const phone = '13912347777';
      const before = await t.db.prisma.smsMessage.count();
      expect((await prod.post('/api/v1/auth/codes').send({ phone })).status).toBe(202);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]).toMatchObject({ phone, auth: 'Bearer gw-token' });
      const code = /(\d{6})/.exec(delivered[0].text)![1];
      expect(await t.db.prisma.smsMessage.count()).toBe(before);
      const row = await t.db.prisma.loginCode.findFirstOrThrow({ where: { phone } });
      expect(JSON.stringify(row)).not.toContain(code);
      expect(row.codeHash).not.toBe(crypto.createHash('sha256').update(`${phone}:${code}`).digest('hex'));
      expect((await prod.get(`/api/v1/dev/sms-outbox?phone=${phone}`)).status).toBe(404);
      const session = await prod.post('/api/v1/auth/sessions').send({ phone, code });
      expect(session.status).toBe(201);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => gateway.close(() => resolve()));
    }
  });

  it('answers 503 in the error shape when the gateway fails, and the code is not left waiting', async () => {
    const config = loadConfig(
      { NODE_ENV: 'production', SMS_GATEWAY_URL: 'http://127.0.0.1:9/send', SIGN_IN_CODE_KEY: 'k' },
      { dataDir: t.config.dataDir },
    );
    const server = createApp({ prisma: t.db.prisma, config, clock: () => t.now() }).listen(0, '127.0.0.1');
    try {
      const res = await request(server).post('/api/v1/auth/codes').send({ phone: '13912347778' });
      expect(res.status).toBe(503);
      expectErrorShape(res.body);
      expect(await t.db.prisma.loginCode.count({ where: { phone: '13912347778' } })).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('limits on code requests', () => {
  it('let a community service point sign 40 elders in from one address, per phone still one a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push(
        (await t.http.post('/api/v1/auth/codes').send({ phone: `1391235${String(i).padStart(4, '0')}` })).status,
      );
    }
    expect(statuses.filter((s) => s !== 202)).toEqual([]);
    expect((await t.http.post('/api/v1/auth/codes').send({ phone: '13912350000' })).status).toBe(429);
  });

  it('live in the database: a restarted server still refuses the address at its ceiling', async () => {
    const small = await createTestApp({ config: { codesPerAddressPerHour: 3 } });
    try {
      for (const phone of ['13912349101', '13912349102', '13912349103']) {
        expect((await small.http.post('/api/v1/auth/codes').send({ phone })).status).toBe(202);
      }
      const restarted = createApp({ prisma: small.db.prisma, config: small.config, clock: () => small.now() }).listen(
        0,
        '127.0.0.1',
      );
      try {
        const res = await request(restarted).post('/api/v1/auth/codes').send({ phone: '13912349104' });
        expect(res.status).toBe(429);
        expectErrorShape(res.body);
      } finally {
        await new Promise<void>((resolve) => restarted.close(() => resolve()));
      }
    } finally {
      await small.close();
    }
  });
});

describe('personal data in logs and answers', () => {
  it.each([
    '139.1111.2222',
    '139_1111_2222',
    '(139)11112222',
    '１３９１１１１２２２２',
    '139 1111 2222',
    '（139）1111-2222',
  ])('masks %s typed into a free text field', async (written) => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    t.logs.length = 0;
    const res = await t.http
      .patch(`/api/v1/applications/${draft.id}`)
      .set(bearer(tokens.resident))
      .send({ description: `女儿电话${written}` });
    expect(res.status).toBe(200);
    const log = t.logs.join('\n');
    expect(log).toContain('PATCH');
    expect(log).not.toContain(written);
    expect(log.replace(/[^0-9\uff10-\uff19]/g, '')).not.toMatch(/1111|１１１１/);
  });

  it("refuses a provider account its client's consent list (family names) with 403", async () => {
    const provider = await t.db.prisma.user.findFirstOrThrow({ where: { role: 'provider' } });
    const token = await signIn(t, provider.phone);
    const persons = await t.http.get('/api/v1/persons').set(bearer(tokens.officer));
    const res = await t.http.get(`/api/v1/persons/${persons.body[0].id}/consents`).set(bearer(token));
    expect(res.status).toBe(403);
    expectErrorShape(res.body);
  });
});
