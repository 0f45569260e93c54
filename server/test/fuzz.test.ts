// Never a 500 for bad input: every route of the OpenAPI document, with junk bodies, queries and ids,
// signed in as each role, answers 4xx (or 2xx) in the error shape.
import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';
import type { Role } from '../src/lib/roles';
import { withCheckDigit } from '../src/seed';

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
      .send({
        name: '上传测试',
        idNumber: withCheckDigit('33030219450307777'),
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee-retired',
        phone: '13700000001',
        address: '温州市鹿城区测试路1号',
        relationship: 'child',
        consent: { method: 'in-person', givenBy: '上传测试', givenAt: '2026-05-01T10:00:00+08:00' },
      });
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
