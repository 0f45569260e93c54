// The authorization matrix: every route of the OpenAPI document × every caller (anonymous and each role) against
// records that belong to someone else: another family's person, consent, application, material, benefit, plan
// request, suspension, settlement, service record, inbox message and chatbot conversation, served by another
// provider. A caller outside the route's roles is refused (401 anonymous, 403 the wrong role); a caller whose role
// may use the route is refused with 404 unless the matrix says it may legitimately see or act on the record (staff
// read every application), and then it must answer. A route without an entry, or an entry that does not cover
// each of the route's roles, fails the test, so a new route cannot slip in unchecked.
import { ROLES, type Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { HOME } from './helpers/benefit';
import { PNG } from './helpers/fixtures';
import { buildWorld, NAME, pathParams, PHONE, VICTIM, visit, type Fixture } from './helpers/world';

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', ...ROLES];

/**
 * What a caller gets:
 * - a status: exactly that (a refusal, or an answer that is the same for everyone);
 * - 'sees': a 2xx answer that shows the record (its id is in the body);
 * - 'hidden': a 2xx list in which none of the other family's records appear;
 * - 'acts': a write the caller may make on the record: anything but 401/403/404 (and never a 500).
 */
type Expect = number | 'sees' | 'hidden' | 'acts';

interface Req {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
  /** A multipart upload of a small picture. */
  upload?: true;
}

interface Entry {
  req?: (f: Fixture, who: Caller) => Req;
  /** Expectation for every caller not listed in `scope` (routes without roles: there is no one to refuse). */
  all?: Expect;
  /** Each of the route's roles (and, for an open route, any caller treated differently). */
  scope?: Partial<Record<Caller, Expect>>;
  /** The id a 'sees' answer must contain (default: the route's first path parameter). */
  shows?: (f: Fixture) => string;
}

const PROXIES = { resident: 404, 'community-worker': 404 } as const;
const STAFF_SEE = { agent: 'sees', officer: 'sees', admin: 'sees' } as const;
const STAFF_READ = { agent: 200, officer: 200, admin: 200 } as const;
const LIST_HIDDEN = { resident: 'hidden', 'community-worker': 'hidden', provider: 'hidden' } as const;

/** Keyed "METHOD /path" as the OpenAPI document writes it, under /api/v1. */
const MATRIX: Record<string, Entry> = {
  // Open calls about no one's records.
  'GET /health': { all: 200 },
  'POST /auth/codes': {
    req: (_f, who) => ({ body: { phone: `1366666${String(CALLERS.indexOf(who)).padStart(4, '0')}` } }),
    all: 202,
  },
  'POST /auth/sessions': { req: () => ({ body: { phone: '13000000001', code: '000000' } }), all: 400 },
  'GET /regions': { all: 200 },
  'GET /regions/{region}/care-modes': { req: () => ({ params: { region: 'wenzhou' } }), all: 200 },
  'GET /care-modes': { all: 200 },
  'GET /insurance-types': { all: 200 },
  'GET /grades': { all: 200 },
  'GET /communities': { all: 200 },
  'GET /documents': { all: 200 },
  'GET /documents/{doc}': { req: () => ({ params: { doc: 'wenzhou-2023' } }), all: 200 },
  'GET /documents/{doc}/clauses/{clause}': {
    req: () => ({ params: { doc: 'wenzhou-2023', clause: '§三(三)' } }),
    all: 200,
  },
  'POST /estimates': {
    req: () => ({
      body: { region: 'wenzhou', careMode: 'home', grade: 'severe-3', monthlyBillFen: 300000, asOf: '2026-05-20' },
    }),
    all: 200,
  },
  'POST /eligibility': { req: () => ({ body: { region: 'wenzhou', insurance: 'resident' } }), all: 200 },
  'POST /comparisons': {
    req: () => ({ body: { region: 'wenzhou', insurance: 'employee', grade: 'severe-3', monthlyBillFen: 300000 } }),
    all: 200,
  },
  'GET /contributions': {
    req: () => ({ query: { region: 'wenzhou', insurance: 'employee', year: '2026' } }),
    all: 200,
  },
  'GET /deadlines/objection': { req: () => ({ query: { region: 'wenzhou', noticeDate: '2026-05-20' } }), all: 200 },
  'GET /deadlines/benefit-start': {
    req: () => ({ query: { region: 'wenzhou', approvalDate: '2026-05-20' } }),
    all: 200,
  },
  'GET /disability-causes': { all: 200 },
  'GET /self-check/questions': { all: 200 },
  'POST /quick-screen': { req: () => ({ body: { a: {}, b: {} } }), all: 400 },
  'POST /self-check': { req: () => ({ body: { nothing: 1 } }), all: 400 },
  'POST /feedback': {
    req: () => ({
      body: { topic: 'other', page: '/pages/index/index', inputs: {}, answer: {}, message: '测试：结果好像不对' },
    }),
    all: 201,
  },
  'GET /providers': { req: () => ({ query: { region: 'wenzhou' } }), all: 200 },
  'GET /providers/{providerId}': { req: (f) => ({ params: { providerId: f.providerId } }), all: 'sees' },
  'GET /dev/sms-outbox': { req: () => ({ query: { phone: '13000000000' } }), all: 200 },
  // Another family's signed-in conversation: only its owner and the agents' desk read it; nobody continues it.
  'POST /bot/messages': {
    req: (f) => ({ body: { sessionId: f.conversationId, text: '我家老人的申请到哪一步了' } }),
    all: 404,
  },
  'GET /bot/conversations/{sessionId}/messages': {
    req: (f) => ({ params: { sessionId: f.conversationId } }),
    all: 404,
    scope: { agent: 'sees' },
  },

  // Sign-in and accounts.
  'DELETE /auth/sessions/current': {
    // Ending one's own session is the only thing it can do; the victim's session is not reachable by path.
    scope: {
      resident: 'acts',
      'community-worker': 'acts',
      agent: 'acts',
      officer: 'acts',
      admin: 'acts',
      provider: 'acts',
    },
  },
  'GET /me': {
    req: () => ({}),
    scope: { resident: 200, 'community-worker': 200, agent: 200, officer: 200, admin: 200, provider: 200 },
  },
  'GET /feedback': { scope: { officer: 200, admin: 200 } },
  'GET /users': { scope: { admin: 'sees' }, shows: (f) => f.userId },
  'POST /users': {
    req: () => ({ body: { phone: VICTIM, name: '冒名账号', role: 'officer' } }),
    scope: { admin: 409 },
  },
  'PATCH /users/{userId}': {
    req: (f) => ({ params: { userId: f.userId }, body: { name: '严家女儿' } }),
    scope: { admin: 'acts' },
  },

  // Persons and consents.
  'POST /persons': {
    // Registering someone already registered by another family is refused, not handed over.
    req: (f) => ({
      body: {
        name: NAME,
        idNumber: f.idNumber,
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee-retired',
        phone: '13700000009',
        address: '温州市鹿城区测试路9号',
        relationship: 'child',
        consent: { method: 'in-person', givenBy: NAME, givenAt: '2026-05-01T10:00:00+08:00' },
      },
    }),
    scope: { resident: 409, 'community-worker': 409 },
  },
  'GET /persons': { scope: { ...LIST_HIDDEN, ...STAFF_SEE }, shows: (f) => f.personId },
  'GET /persons/{personId}': { scope: { ...PROXIES, ...STAFF_SEE, provider: 404 } },
  'PATCH /persons/{personId}': {
    req: (f) => ({ params: { personId: f.personId }, body: { phone: '13700000008' } }),
    scope: PROXIES,
  },
  'GET /persons/{personId}/consents': { scope: { ...PROXIES, ...STAFF_SEE }, shows: (f) => f.consentId },
  'POST /persons/{personId}/consents': {
    req: (f) => ({
      params: { personId: f.personId },
      body: {
        granteePhone: '13600001111',
        relationship: 'relative',
        method: 'written',
        givenBy: NAME,
        givenAt: '2026-05-01T10:00:00+08:00',
      },
    }),
    scope: { ...PROXIES, officer: 'acts' },
  },
  'DELETE /persons/{personId}/consents/{consentId}': { scope: { ...PROXIES, officer: 'acts' } },

  // Applications and materials.
  'POST /applications': { req: (f) => ({ body: { personId: f.personId, careMode: 'home' } }), scope: PROXIES },
  'GET /applications': { scope: { ...LIST_HIDDEN, ...STAFF_SEE }, shows: (f) => f.draftId },
  'GET /applications/{applicationId}': { scope: { ...PROXIES, ...STAFF_SEE, provider: 404 } },
  'PATCH /applications/{applicationId}': {
    req: (f) => ({ params: { applicationId: f.draftId }, body: { description: '改成别人的说法' } }),
    scope: PROXIES,
  },
  'POST /applications/{applicationId}/moves': {
    // The family's move for the family, the officer's for the officer (who may move any application; accepting
    // a draft is refused as too early, not as out of scope).
    req: (f, who) => ({
      params: { applicationId: f.draftId },
      body: { move: who === 'officer' ? 'accept' : 'submit' },
    }),
    scope: { ...PROXIES, officer: 'acts' },
  },
  'GET /applications/{applicationId}/events': { scope: { ...PROXIES, ...STAFF_READ, provider: 404 } },
  'POST /applications/{applicationId}/materials': {
    req: (f) => ({ params: { applicationId: f.draftId }, upload: true }),
    scope: PROXIES,
  },
  'GET /applications/{applicationId}/materials': {
    scope: { ...PROXIES, ...STAFF_SEE, provider: 404 },
    shows: (f) => f.materialId,
  },
  'GET /applications/{applicationId}/materials/{materialId}/content': {
    // Originals are for the family and the officer who checks them; other staff and providers never see them.
    scope: { ...PROXIES, agent: 403, officer: 200, admin: 403, provider: 403 },
  },
  'DELETE /applications/{applicationId}/materials/{materialId}': { scope: PROXIES },

  // Inbox.
  'GET /inbox': {
    req: (f) => ({ query: { personId: f.personId } }),
    scope: { resident: 'hidden', 'community-worker': 'hidden' },
  },
  'POST /inbox/{messageId}/read': { scope: PROXIES },

  // Providers.
  'POST /providers': {
    req: () => ({
      body: {
        name: '矩阵测试护理站',
        region: 'wenzhou',
        district: 'lucheng',
        address: '温州市鹿城区测试路10号',
        lat: 28.01,
        lng: 120.66,
        phone: '0577-88880000',
        careModes: ['home'],
        capacity: 10,
        freePlaces: 1,
      },
    }),
    scope: { officer: 'acts', admin: 'acts' },
  },
  'PATCH /providers/{providerId}': {
    req: (f) => ({ params: { providerId: f.providerId }, body: { freePlaces: 3 } }),
    scope: { officer: 'acts', admin: 'acts' },
  },
  'POST /providers/{providerId}/accounts': {
    req: (f) => ({ params: { providerId: f.providerId }, body: { phone: '13712349999', name: '矩阵测试账号' } }),
    scope: { admin: 'acts' },
  },
  // Another provider's ratings: the demo provider (HOME) sees only its own.
  'GET /providers/{providerId}/ratings': { scope: { agent: 200, officer: 200, admin: 200, provider: 404 } },

  // Benefits of another family, served by another provider (INSTITUTION; the provider account is HOME's).
  'POST /benefits': {
    req: (f) => ({ body: { applicationId: f.applicationId, careMode: 'home', providerId: HOME } }),
    scope: { officer: 'acts' },
  },
  'GET /benefits': { scope: { ...LIST_HIDDEN, ...STAFF_SEE }, shows: (f) => f.benefitId },
  'GET /benefits/{benefitId}': { scope: { ...PROXIES, ...STAFF_SEE, provider: 404 } },
  'POST /benefits/{benefitId}/plan-changes': {
    req: (f) => ({ params: { benefitId: f.benefitId }, body: { providerId: HOME, reason: '换一家近的' } }),
    scope: { ...PROXIES, officer: 'acts' },
  },
  'POST /benefits/{benefitId}/plan-requests/{requestId}/confirm': { scope: { officer: 'acts' } },
  'POST /benefits/{benefitId}/plan-requests/{requestId}/decline': {
    req: (f) => ({ params: { benefitId: f.benefitId, requestId: f.requestId }, body: { reason: '矩阵测试' } }),
    scope: { officer: 'acts' },
  },
  'POST /benefits/{benefitId}/suspensions': {
    req: (f) => ({ params: { benefitId: f.benefitId }, body: { reason: 'hospital-stay', from: '2026-07-05' } }),
    scope: { officer: 'acts' },
  },
  'PATCH /benefits/{benefitId}/suspensions/{suspensionId}': {
    req: (f) => ({ params: { benefitId: f.benefitId, suspensionId: f.suspensionId }, body: { to: '2026-06-09' } }),
    scope: { officer: 'acts' },
  },
  'POST /benefits/{benefitId}/stop': {
    req: (f) => ({ params: { benefitId: f.benefitId }, body: { on: '2026-08-15', reason: '迁往外地居住' } }),
    scope: { officer: 'acts' },
  },
  'GET /benefits/{benefitId}/events': { scope: { ...PROXIES, ...STAFF_READ, provider: 404 } },
  'POST /benefits/{benefitId}/settlements': {
    req: (f) => ({ params: { benefitId: f.benefitId }, body: { month: '2026-06', monthlyBillFen: 100000 } }),
    scope: { officer: 'acts', provider: 404 },
  },
  'GET /benefits/{benefitId}/settlements': {
    scope: { ...PROXIES, ...STAFF_SEE, provider: 404 },
    shows: (f) => f.settlementId,
  },
  'POST /benefits/{benefitId}/settlements/preview': {
    req: (f) => ({ params: { benefitId: f.benefitId }, body: { month: '2026-06', monthlyBillFen: 100000 } }),
    scope: { officer: 'acts', provider: 404 },
  },
  'GET /settlements': { scope: { ...LIST_HIDDEN, ...STAFF_SEE }, shows: (f) => f.settlementId },
  'GET /settlements/{settlementId}': { scope: { ...PROXIES, ...STAFF_SEE, provider: 404 } },
  'PUT /settlements/{settlementId}': {
    req: (f) => ({ params: { settlementId: f.settlementId }, body: { monthlyBillFen: 1, reason: '改成一分钱' } }),
    scope: { officer: 'acts', provider: 404 },
  },
  'POST /benefits/{benefitId}/service-records': {
    req: (f) => ({ params: { benefitId: f.benefitId }, body: visit('2026-06-23') }),
    scope: { officer: 'acts', provider: 404 },
  },
  'GET /benefits/{benefitId}/service-records': {
    scope: { ...PROXIES, ...STAFF_SEE, provider: 404 },
    shows: (f) => f.serviceRecordId,
  },
  'GET /service-records': { scope: { ...LIST_HIDDEN, ...STAFF_SEE }, shows: (f) => f.serviceRecordId },
  'GET /service-records/{serviceRecordId}': { scope: { ...PROXIES, ...STAFF_SEE, provider: 404 } },
  'POST /service-records/{serviceRecordId}/rating': {
    req: (f) => ({ params: { serviceRecordId: f.serviceRecordId }, body: { score: 1, comment: '冒名差评' } }),
    scope: PROXIES,
  },

  // The agents' desk: an agent may open any conversation (that is the desk's work); nobody else may.
  'GET /bot/agents/me': { scope: { agent: 200 } },
  'PUT /bot/agents/me': { req: () => ({ body: { available: false } }), scope: { agent: 200 } },
  'GET /bot/handoffs': { scope: { agent: 200 } },
  'GET /bot/handoffs/{conversationId}': { scope: { agent: 'sees' } },
  'POST /bot/handoffs/{conversationId}/take': { scope: { agent: 'acts' } },
  'POST /bot/handoffs/{conversationId}/release': { scope: { agent: 'acts' } },
  'POST /bot/handoffs/{conversationId}/replies': {
    req: (f) => ({ params: { conversationId: f.conversationId }, body: { text: '您好，我是客服。' } }),
    scope: { agent: 'acts' },
  },
  'POST /bot/handoffs/{conversationId}/close': {
    req: (f) => ({ params: { conversationId: f.conversationId }, body: { outcome: 'answered' } }),
    scope: { agent: 'acts' },
  },
  'POST /bot/assist': { req: () => ({ body: { text: '温州居家护理能报多少' } }), scope: { agent: 200 } },
};

interface Operation {
  key: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  template: string;
  roles: Role[] | null;
}

let t: TestApp;
let tokens: Record<Role, string>;
let ops: Operation[];
let f: Fixture;

async function send(op: Operation, who: Caller) {
  const entry = MATRIX[op.key];
  const r = entry.req?.(f, who) ?? {};
  const params = { ...pathParams(f, op.template), ...r.params };
  const url =
    '/api/v1' + op.template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? 'x'));
  let req = t.http[op.method](url);
  if (r.query) req = req.query(r.query);
  if (who !== 'anonymous') req = req.set(bearer(tokens[who]));
  if (r.upload) return req.field('kind', 'id-card').attach('file', PNG, 'id.png');
  return r.body ? req.send(r.body) : req;
}

function expected(op: Operation, who: Caller): Expect {
  const entry = MATRIX[op.key];
  const listed = entry.scope?.[who];
  if (listed !== undefined) return listed;
  if (op.roles) {
    if (who === 'anonymous') return 401;
    if (!op.roles.includes(who)) return 403;
  }
  return entry.all!;
}

/** The other family's ids and words, none of which a refused caller may see. */
const secrets = () => [
  f.personId,
  f.draftId,
  f.applicationId,
  f.benefitId,
  f.settlementId,
  f.serviceRecordId,
  f.messageId,
  NAME,
  f.idNumber,
  f.idNumber.slice(-4),
  PHONE,
];

beforeAll(async () => {
  ({ t, tokens, f } = await buildWorld());
  const doc = (await t.http.get('/api/v1/openapi.json')).body as {
    paths: Record<string, Record<string, { 'x-roles'?: Role[] }>>;
  };
  ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.entries(methods).map(([m, op]) => {
      const template = p.slice('/api/v1'.length);
      return {
        key: `${m.toUpperCase()} ${template}`,
        method: m as Operation['method'],
        template,
        roles: op['x-roles'] ?? null,
      };
    }),
  );
}, 60_000);
afterAll(() => t?.close());

describe('authorization matrix', () => {
  it('has an entry for every route and every role the route admits, and none for routes that are gone', () => {
    const problems: string[] = [];
    expect(ops.length).toBeGreaterThan(80);
    for (const op of ops) {
      const entry = MATRIX[op.key];
      if (!entry) {
        problems.push(`${op.key}: no entry in the matrix`);
        continue;
      }
      if (op.roles) {
        for (const role of op.roles) {
          if (entry.scope?.[role] === undefined) problems.push(`${op.key}: nothing said for ${role}`);
        }
        for (const who of Object.keys(entry.scope ?? {}) as Caller[]) {
          if (who === 'anonymous' || !op.roles.includes(who)) problems.push(`${op.key}: ${who} may not call it at all`);
        }
      } else if (entry.all === undefined) problems.push(`${op.key}: an open route needs 'all'`);
    }
    const keys = new Set(ops.map((o) => o.key));
    for (const key of Object.keys(MATRIX)) if (!keys.has(key)) problems.push(`${key}: not a route any more`);
    expect(problems).toEqual([]);
  });

  it('refuses every caller what is not theirs, and answers those who may see it', async () => {
    const problems: string[] = [];
    const check = async (op: Operation, who: Caller) => {
      const want = expected(op, who);
      const res = await send(op, who);
      const what = `${op.key} as ${who}: ${res.status}`;
      const text = res.text ?? '';
      if (res.status >= 500) return problems.push(`${what} (a server fault) ${text.slice(0, 200)}`);
      if (res.status >= 400) expectErrorShape(res.body);
      if (typeof want === 'number') {
        if (res.status !== want) problems.push(`${what}, the matrix says ${want} ${text.slice(0, 200)}`);
      } else if (want === 'acts') {
        if ([401, 403, 404].includes(res.status))
          problems.push(`${what}, the matrix says it may act ${text.slice(0, 200)}`);
      } else if (res.status < 200 || res.status >= 300) {
        problems.push(`${what}, the matrix says ${want} ${text.slice(0, 200)}`);
      } else if (want === 'sees') {
        const id = MATRIX[op.key].shows?.(f) ?? Object.values(pathParams(f, op.template))[0];
        if (!text.includes(id)) problems.push(`${what} without the record it should show`);
      }
      // Nobody refused, and nobody shown a list of their own, sees the other family's records (a permitted
      // write may name them).
      if ((typeof want === 'number' && want >= 400) || want === 'hidden') {
        const leaked = secrets().filter((s) => text.includes(s));
        if (leaked.length) problems.push(`${what} shows ${leaked.join(', ')}`);
      }
    };
    // Everything but the permitted writes at once; then those writes one at a time, since they change records.
    const calls = ops.flatMap((op) => CALLERS.map((who) => ({ op, who })));
    // Signing out comes last: it ends the sessions the other calls use.
    const last = (c: { op: Operation }) => (c.op.key === 'DELETE /auth/sessions/current' ? 1 : 0);
    const writes = calls.filter(({ op, who }) => expected(op, who) === 'acts').sort((a, b) => last(a) - last(b));
    await Promise.all(calls.filter((c) => !writes.includes(c)).map(({ op, who }) => check(op, who)));
    for (const { op, who } of writes) await check(op, who);
    expect(problems).toEqual([]);
    expect(calls.length).toBe(ops.length * CALLERS.length);
  });
});
