import { Prisma } from '../src/generated/prisma/client';
import { seed } from '../src/seed';
import { createTestApp, expectErrorShape, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('infrastructure', () => {
  it('answers health once the database is ready', async () => {
    const res = await t.http.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('runs SQLite in WAL mode with a busy timeout', async () => {
    const mode = await t.db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
    expect(mode[0].journal_mode).toBe('wal');
    const timeout = await t.db.prisma.$queryRawUnsafe<{ timeout: number | bigint }[]>('PRAGMA busy_timeout');
    expect(Number(timeout[0].timeout)).toBeGreaterThan(0);
  });

  it('has every column of schema.prisma after applying the migrations (no schema change without a migration)', async () => {
    const missing: string[] = [];
    for (const [key, fields] of Object.entries(Prisma)) {
      if (!key.endsWith('ScalarFieldEnum') || key === 'TransactionIsolationLevel') continue;
      const table = key.slice(0, -'ScalarFieldEnum'.length);
      const columns = await t.db.prisma.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${table}")`);
      for (const field of Object.values(fields as Record<string, string>)) {
        if (!columns.some((c) => c.name === field)) missing.push(`${table}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('seeds idempotently', async () => {
    const count = async () => [
      await t.db.prisma.user.count(),
      await t.db.prisma.person.count(),
      await t.db.prisma.application.count(),
    ];
    const before = await count();
    await seed(t.db.prisma);
    await seed(t.db.prisma);
    expect(await count()).toEqual(before);
    const samples = await t.db.prisma.person.findMany({ where: { isSample: true } });
    expect(samples.length).toBeGreaterThan(0);
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.http.get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expectErrorShape(res.body);
    const outside = await t.http.get('/nothing-here');
    expect(outside.status).toBe(404);
    expectErrorShape(outside.body);
  });

  it('answers a browser at / with a small Chinese page linking the console and the API document', async () => {
    const res = await t.http.get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('<html lang="zh-CN">');
    expect(res.text).toContain('<meta name="viewport"');
    expect(res.text).toMatch(/<title>长护通[^<]*<\/title>/);
    expect(res.text).toContain('<a class="link" href="/console/">进入经办控制台</a>');
    expect(res.text).toContain('href="/api/v1/openapi.json"');
    expect(res.text).not.toMatch(/<script/i);
    // The links lead somewhere real: the console (built or not, never a 404) and the document.
    expect((await t.http.get('/console/')).status).not.toBe(404);
    expect((await t.http.get('/api/v1/openapi.json')).status).toBe(200);
    const head = await t.http.head('/');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('keeps the JSON error shape around the page: unknown API paths, other paths, other methods on /', async () => {
    for (const path of ['/api/v1/nope', '/api/nope', '/index.htm', '/console-x']) {
      const res = await t.http.get(path).set('Accept', 'text/html');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expectErrorShape(res.body);
    }
    const post = await t.http.post('/').send({});
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
    expectErrorShape(post.body);
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await t.http.post('/api/v1/auth/codes').set('Content-Type', 'application/json').send('{"phone": ');
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('invalid-input');
  });

  it('refuses unknown fields in a body', async () => {
    const res = await t.http.post('/api/v1/auth/codes').send({ phone: '13800000001', extra: 1 });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details.length).toBeGreaterThan(0);
  });

  it('refuses a wrong method with a 4xx in the error shape', async () => {
    const res = await t.http.put('/api/v1/health');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectErrorShape(res.body);
  });

  it('serves an OpenAPI 3.1 document of every route', async () => {
    const res = await t.http.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/api/v1/health',
      '/api/v1/estimates',
      '/api/v1/eligibility',
      '/api/v1/persons',
      '/api/v1/applications/{applicationId}/moves',
      '/api/v1/applications/{applicationId}/materials',
      '/api/v1/documents/{doc}/clauses/{clause}',
    ]) {
      expect(paths).toContain(p);
    }
    const createPerson = res.body.paths['/api/v1/persons'].post;
    expect(createPerson['x-roles']).toEqual(['resident', 'community-worker']);
    expect(createPerson.requestBody.content['application/json'].schema.properties.idNumber).toBeDefined();
  });

  it('requires a valid bearer token where a role is needed', async () => {
    const none = await t.http.get('/api/v1/persons');
    expect(none.status).toBe(401);
    expectErrorShape(none.body);
    const bad = await t.http.get('/api/v1/persons').set('Authorization', 'Bearer not-a-token');
    expect(bad.status).toBe(401);
    expectErrorShape(bad.body);
  });
});
