// Fuzz of every write route of the OpenAPI document against one family's real records (so a body reaches the
// checks of a real person, application, benefit and conversation, not a 404 on a made-up id), as each role
// the route admits: the route's own example body with one field at a time turned hostile (wrong types, a
// 900 KB string, deep nesting, control, direction and broken characters, SQL and script fragments), random
// bodies made of the route's fields and hostile values, and a body over 1 MB. No answer is a 500 or outside
// the error shape, the server never stops answering, and a refused request leaves every record as it was (a
// dump of the tables before and after each request); hostile text that is accepted is kept word for word.
// Seeded, bounded in count; traffic only to 127.0.0.1.
import type { Role } from '../src/lib/roles';
import { sqliteHandle } from '../src/db';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { buildWorld, pathParams, type Fixture } from './helpers/world';

const SEED = Number(process.env.FUZZ_SEED) || 20261207;
/** Bodies tried per route and role. */
const PER_ROUTE = 14;

/** Tables a refused request may write by design: sign-in codes and attempts, texted codes, sessions, keys. */
const BOOKKEEPING = new Set(['LoginCode', 'SignInAttempt', 'SmsMessage', 'Session', 'IdempotencyKey']);
/** Routes that end the caller's own session: fuzzing them would sign the fuzzer out. */
const SKIP = new Set(['DELETE /auth/sessions/current']);

const SQL = [`'); DROP TABLE "Application"; --`, `1' OR '1'='1`, `" OR ""="`, `x'; UPDATE "User" SET role='admin'; --`];
const SCRIPT = [
  '<script>alert(1)</script>',
  'javascript:alert(document.cookie)',
  '<img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
];
const UNICODE = [
  '\u202e申请\u202c',
  'a\u0000b',
  '\u0007\u001b[31m红\u001b[0m',
  '😀👵🏻🧓🏽',
  '\ufeff\u200b\u200d',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o',
  'a\ud800b',
  '\r\n\t',
];
const WRONG_TYPES: unknown[] = [
  0,
  -1,
  1e308,
  -Number.MAX_SAFE_INTEGER - 2,
  3.5,
  true,
  null,
  [],
  {},
  [[[[]]]],
  { $gt: '' },
  ['a', 1],
];
const ODD_TEXT = [
  '',
  ' ',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T99:99:99Z',
  '11111111111',
  '33030219450101123X',
  'NaN',
];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** A hostile value of any kind. */
function hostile(): unknown {
  switch (Math.floor(random() * 7)) {
    case 0:
      return pick(SQL);
    case 1:
      return pick(SCRIPT);
    case 2:
      return pick(UNICODE);
    case 3:
      return pick(WRONG_TYPES);
    case 4:
      return pick(ODD_TEXT);
    case 5:
      return nested(random() < 0.5 ? 12 : 20);
    default:
      return '长'.repeat(1 + Math.floor(random() * 5000));
  }
}

interface Operation {
  key: string;
  method: 'post' | 'patch' | 'put' | 'delete';
  template: string;
  roles: Role[] | null;
  example: Record<string, unknown> | null;
  multipart: boolean;
}

/** The bodies one route is tried with. */
function bodies(op: Operation): { name: string; body: string }[] {
  const example = op.example ?? {};
  const fields = Object.keys(example);
  const json = (v: unknown) => JSON.stringify(v);
  // The example itself first: it gets past the body checks to the record's own (state, owner, dates).
  const out: { name: string; body: string }[] = [{ name: 'the example', body: json(example) }];
  // Each field of the example in turn, hostile; the rest of the body as the example has it.
  for (let i = 0; out.length < PER_ROUTE - 4 && fields.length && i < PER_ROUTE; i++) {
    const field = fields[i % fields.length];
    const value = hostile();
    out.push({ name: `${field} = ${json(value)?.slice(0, 40)}`, body: json({ ...example, [field]: value }) });
  }
  // One field 900 KB long: under the body limit, over any field's.
  const field = fields[0] ?? 'text';
  out.push({ name: `${field} of 900 KB`, body: json({ ...example, [field]: '护'.repeat(300_000) }) });
  // Random bodies: some of the route's fields and some made-up ones, all hostile.
  while (out.length < PER_ROUTE - 1) {
    const body: Record<string, unknown> = {};
    const keys = [...fields, '__proto__', 'constructor', 'role', 'id', 'state', 'x'.repeat(200)];
    for (let k = 0; k < 1 + Math.floor(random() * 5); k++) body[pick(keys)] = hostile();
    out.push({ name: `random ${json(body).slice(0, 60)}`, body: json(body) });
  }
  // Over the 1 MB limit.
  out.push({ name: 'a body over 1 MB', body: json({ ...example, [field]: 'x'.repeat(1_100_000) }) });
  return out;
}

let t: TestApp;
let f: Fixture;
let callers: Record<Role | 'anonymous', string | null>;
let ops: Operation[];
let dump: () => string;

beforeAll(async () => {
  const world = await buildWorld();
  ({ t, f } = world);
  // The family's own accounts where a role has one (the resident who owns the records, the provider that
  // serves the benefit), so a body gets past "not yours" to the checks of the body itself.
  callers = { ...world.tokens, resident: world.victim, provider: world.app.otherProvider, anonymous: null };
  const raw = sqliteHandle(t.db.prisma)!;
  const tables = (
    raw
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
      )
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((name) => !BOOKKEEPING.has(name));
  const reads = tables.map(
    (name) => [name, raw.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).safeIntegers(false)] as const,
  );
  dump = () => reads.map(([name, stmt]) => `${name} ${JSON.stringify(stmt.all())}`).join('\n');

  const doc = (await t.http.get('/api/v1/openapi.json')).body as {
    paths: Record<
      string,
      Record<
        string,
        {
          'x-roles'?: Role[];
          requestBody?: { content: Record<string, { example?: Record<string, unknown> }> };
        }
      >
    >;
  };
  ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods)
      .filter(([m]) => m !== 'get')
      .map(([m, op]) => ({
        key: `${m.toUpperCase()} ${p.slice('/api/v1'.length)}`,
        method: m as Operation['method'],
        template: p.slice('/api/v1'.length),
        roles: op['x-roles'] ?? null,
        example: op.requestBody?.content['application/json']?.example ?? null,
        multipart: Boolean(op.requestBody?.content['multipart/form-data']),
      })),
  );
}, 120_000);
afterAll(() => t?.close());

/** A change between two dumps, named by table, for the failure message. */
function changed(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  return a
    .map((line, i) => (line === b[i] ? null : line.slice(0, line.indexOf(' '))))
    .filter(Boolean)
    .join(', ');
}

describe('fuzzing every write route with hostile bodies', () => {
  it('finds write routes and their example bodies in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(35);
    expect(ops.filter((op) => op.example).length).toBeGreaterThan(25);
  });

  it('keeps accepted hostile text word for word, and runs none of it', async () => {
    const token = callers.resident!;
    const apps = sqliteHandle(t.db.prisma)!.prepare('SELECT count(*) AS n FROM "Application"');
    const count = (apps.get() as { n: number }).n;
    for (const text of [SQL[0], SQL[3], SCRIPT[0], UNICODE[3], '第一行\n第二行']) {
      const res = await t.http
        .patch(`/api/v1/applications/${f.draftId}`)
        .set(bearer(token))
        .send({ description: text });
      if (res.status !== 200) throw new Error(`${JSON.stringify(text)}: ${res.status} ${res.text}`);
      const read = await t.http.get(`/api/v1/applications/${f.draftId}`).set(bearer(token));
      expect(read.body.description).toBe(text);
    }
    expect((apps.get() as { n: number }).n).toBe(count);
    const admin = await t.db.prisma.user.count({ where: { role: 'admin' } });
    expect(admin).toBe(1);
  });

  it('never answers 500, always in the error shape, and a refused request changes no record', async () => {
    const problems: string[] = [];
    let sent = 0;
    let refused = 0;
    let before = dump();
    for (const op of ops) {
      if (SKIP.has(op.key)) continue;
      const params = pathParams(f, op.template);
      const url = '/api/v1' + op.template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]));
      for (const role of op.roles ?? ['anonymous' as const]) {
        for (const { name, body } of bodies(op)) {
          let req = t.http[op.method](url).set('Content-Type', 'application/json');
          const token = callers[role];
          if (token) req = req.set(bearer(token));
          const res = await req.send(body);
          sent++;
          const what = `${op.key} as ${role} with ${name}: ${res.status}`;
          if (res.status >= 500) {
            problems.push(`${what} ${res.text.slice(0, 200)}`);
            continue;
          }
          const after = dump();
          if (res.status >= 400) {
            refused++;
            try {
              expectErrorShape(res.body);
            } catch {
              problems.push(`${what}: not in the error shape`);
            }
            if (after !== before) problems.push(`${what}: refused, yet changed ${changed(before, after)}`);
          }
          before = after;
        }
      }
    }
    expect(problems).toEqual([]);
    // Most hostile bodies are refused; the rest were valid enough to act on (a hostile text in a text field).
    expect(refused / sent).toBeGreaterThan(0.8);
    const health = await t.http.get('/api/v1/health');
    expect(health.status).toBe(200);
    const raw = sqliteHandle(t.db.prisma)!;
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 600_000);
});
