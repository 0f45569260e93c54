// Never a 500 for bad input: every route of the OpenAPI document, with junk bodies, queries and ids,
// signed in as each role, answers 4xx (or 2xx) in the error shape.
import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';
import type { Role } from '../src/lib/roles';

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
