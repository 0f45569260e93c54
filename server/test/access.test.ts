// Every role × every route that reads or changes a person, an application or an upload.
// Decision: a record outside the caller's scope answers 404 (as if it did not exist); an action the
// caller's role can never take answers 403; no sign-in answers 401.
import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';
import { addDraft, addPerson, move, newIdNumber, personBody, PNG } from './helpers/fixtures';
import type { Role } from '../src/lib/roles';

type Actor = 'owner' | 'helper' | 'stranger' | 'worker' | 'agent' | 'officer' | 'admin' | 'provider' | 'anonymous';
const ACTORS: Actor[] = ['owner', 'helper', 'stranger', 'worker', 'agent', 'officer', 'admin', 'provider', 'anonymous'];

let t: TestApp;
let tokens: Record<Role, string>;
let strangerToken: string;
let phoneSerial = 0;
const freshPhone = () => `1350000${String(++phoneSerial).padStart(4, '0')}`;

beforeAll(async () => {
  t = await createTestApp();
  tokens = await signInAllRoles(t);
  strangerToken = await signIn(t, '13611112222');
  // A designated provider's account (seeded), which sees only its own clients: none of these.
  const provider = await t.db.prisma.user.findFirstOrThrow({ where: { role: 'provider' } });
  tokens.provider = await signIn(t, provider.phone);
});
afterAll(() => t.close());

/** owner: a resident with consent; helper: a community worker with consent; worker: one without. */
function tokenOf(actor: Actor): string | null {
  switch (actor) {
    case 'owner':
      return tokens.resident;
    case 'helper':
    case 'worker':
      return tokens['community-worker'];
    case 'stranger':
      return strangerToken;
    case 'anonymous':
      return null;
    default:
      return tokens[actor];
  }
}

interface Fixture {
  personId: string;
  consentId: string;
  draftId: string;
  materialId: string;
  submittedId: string;
  freshPersonId: string;
}

/** Fresh records acted for by `proxy` (the resident, or the community worker for the helper). */
async function setup(proxy: string): Promise<Fixture> {
  const relationship = proxy === tokens.resident ? 'child' : 'community-help';
  const person = await addPerson(t, proxy, { relationship });
  // The person gave a second proxy their written consent at the office (a proxy cannot pass consent on).
  const consent = await t.http.post(`/api/v1/persons/${person.id}/consents`).set(bearer(tokens.officer)).send({
    granteePhone: freshPhone(),
    relationship: 'relative',
    method: 'written',
    givenBy: '老人',
    givenAt: '2026-05-01T10:00:00+08:00',
  });
  const draft = await addDraft(t, proxy, person.id);
  const material = await t.http
    .post(`/api/v1/applications/${draft.id}/materials`)
    .set(bearer(proxy))
    .field('kind', 'id-card')
    .attach('file', PNG, 'id.png');
  const other = await addPerson(t, proxy, { relationship });
  const submitted = await addDraft(t, proxy, other.id);
  await move(t, proxy, submitted.id, { move: 'submit' });
  const fresh = await addPerson(t, proxy, { relationship });
  return {
    personId: person.id,
    consentId: consent.body.id,
    draftId: draft.id,
    materialId: material.body.id,
    submittedId: submitted.id,
    freshPersonId: fresh.id,
  };
}

interface RouteCase {
  name: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: (f: Fixture) => string;
  body?: (f: Fixture, actor: Actor) => object;
  upload?: boolean;
  expect: Record<Exclude<Actor, 'anonymous' | 'helper'>, number>;
}

const proxyOnly = { owner: 0, stranger: 404, worker: 404, agent: 403, officer: 403, admin: 403, provider: 403 };
const readers = { owner: 200, stranger: 404, worker: 404, agent: 200, officer: 200, admin: 200, provider: 404 };

const ROUTES: RouteCase[] = [
  {
    name: 'list persons',
    method: 'get',
    path: () => '/api/v1/persons',
    expect: { owner: 200, stranger: 200, worker: 200, agent: 200, officer: 200, admin: 200, provider: 200 },
  },
  {
    name: 'add a person',
    method: 'post',
    path: () => '/api/v1/persons',
    body: (_f, actor) =>
      personBody({
        relationship: actor === 'worker' || actor === 'helper' ? 'community-help' : 'child',
        idNumber: newIdNumber(),
      }),
    expect: { owner: 201, stranger: 201, worker: 201, agent: 403, officer: 403, admin: 403, provider: 403 },
  },
  { name: 'read a person', method: 'get', path: (f) => `/api/v1/persons/${f.personId}`, expect: readers },
  {
    name: 'change a person',
    method: 'patch',
    path: (f) => `/api/v1/persons/${f.personId}`,
    body: () => ({ address: '新地址' }),
    expect: { ...proxyOnly, owner: 200 },
  },
  {
    name: 'list consents',
    method: 'get',
    path: (f) => `/api/v1/persons/${f.personId}/consents`,
    // A provider never reads consents (family names), not even of its own clients: its role is refused.
    expect: { ...readers, provider: 403 },
  },
  {
    name: 'add a consent',
    method: 'post',
    path: (f) => `/api/v1/persons/${f.personId}/consents`,
    body: () => ({
      granteePhone: freshPhone(),
      relationship: 'relative',
      method: 'in-person',
      givenBy: '老人',
      givenAt: '2026-05-01T10:00:00+08:00',
    }),
    // The owner is a family member, not the person: only the person (or an officer) grants consents.
    expect: { ...proxyOnly, owner: 403, officer: 201 },
  },
  {
    name: 'revoke a consent',
    method: 'delete',
    path: (f) => `/api/v1/persons/${f.personId}/consents/${f.consentId}`,
    // Another proxy's consent: only the person or an officer revokes it.
    expect: { ...proxyOnly, owner: 403, officer: 200 },
  },
  {
    name: 'start an application',
    method: 'post',
    path: () => '/api/v1/applications',
    body: (f) => ({ personId: f.freshPersonId, careMode: 'home' }),
    expect: { ...proxyOnly, owner: 201 },
  },
  {
    name: 'list applications',
    method: 'get',
    path: () => '/api/v1/applications',
    expect: { owner: 200, stranger: 200, worker: 200, agent: 200, officer: 200, admin: 200, provider: 200 },
  },
  { name: 'read an application', method: 'get', path: (f) => `/api/v1/applications/${f.draftId}`, expect: readers },
  {
    name: 'save a draft',
    method: 'patch',
    path: (f) => `/api/v1/applications/${f.draftId}`,
    body: () => ({ description: '更新' }),
    expect: { ...proxyOnly, owner: 200 },
  },
  { name: 'read the history', method: 'get', path: (f) => `/api/v1/applications/${f.draftId}/events`, expect: readers },
  {
    name: 'submit (a family move)',
    method: 'post',
    path: (f) => `/api/v1/applications/${f.draftId}/moves`,
    body: () => ({ move: 'submit' }),
    expect: { owner: 200, stranger: 404, worker: 404, agent: 403, officer: 403, admin: 403, provider: 403 },
  },
  {
    name: 'accept (an officer move)',
    method: 'post',
    path: (f) => `/api/v1/applications/${f.submittedId}/moves`,
    // No material was uploaded: accepting then needs the officer's reason.
    body: () => ({ move: 'accept', reason: '纸质材料已在窗口核验' }),
    expect: { owner: 403, stranger: 404, worker: 404, agent: 403, officer: 200, admin: 403, provider: 403 },
  },
  {
    name: 'upload a material',
    method: 'post',
    path: (f) => `/api/v1/applications/${f.draftId}/materials`,
    upload: true,
    expect: { ...proxyOnly, owner: 201 },
  },
  {
    name: 'list materials',
    method: 'get',
    path: (f) => `/api/v1/applications/${f.draftId}/materials`,
    expect: readers,
  },
  {
    name: 'open a material',
    method: 'get',
    path: (f) => `/api/v1/applications/${f.draftId}/materials/${f.materialId}/content`,
    expect: { owner: 200, stranger: 404, worker: 404, agent: 403, officer: 200, admin: 403, provider: 403 },
  },
  {
    name: 'delete a material',
    method: 'delete',
    path: (f) => `/api/v1/applications/${f.draftId}/materials/${f.materialId}`,
    expect: { ...proxyOnly, owner: 204 },
  },
  {
    name: 'read the inbox',
    method: 'get',
    path: () => '/api/v1/inbox',
    expect: { owner: 200, stranger: 200, worker: 200, agent: 403, officer: 403, admin: 403, provider: 403 },
  },
  {
    name: 'list accounts',
    method: 'get',
    path: () => '/api/v1/users',
    expect: { owner: 403, stranger: 403, worker: 403, agent: 403, officer: 403, admin: 200, provider: 403 },
  },
  {
    name: 'open an account',
    method: 'post',
    path: () => '/api/v1/users',
    body: () => ({ phone: freshPhone(), name: '新坐席', role: 'agent' }),
    expect: { owner: 403, stranger: 403, worker: 403, agent: 403, officer: 403, admin: 201, provider: 403 },
  },
];

const cases: [string, Actor, number][] = [];
for (const route of ROUTES) {
  for (const actor of ACTORS) {
    const expected = actor === 'anonymous' ? 401 : actor === 'helper' ? route.expect.owner : route.expect[actor];
    cases.push([route.name, actor, expected]);
  }
}

describe('role × route', () => {
  it.each(cases)('%s by %s → %i', async (name, actor, expected) => {
    const route = ROUTES.find((r) => r.name === name)!;
    const proxy = actor === 'helper' ? tokens['community-worker'] : tokens.resident;
    const f = await setup(proxy);
    let req = t.http[route.method](route.path(f));
    const token = tokenOf(actor);
    if (token) req = req.set(bearer(token));
    const res = route.upload
      ? await req.field('kind', 'medical-record').attach('file', PNG, 'record.png')
      : route.body
        ? await req.send(route.body(f, actor))
        : await req;
    expect(res.status).toBe(expected);
    if (expected >= 400) expectErrorShape(res.body);
  });
});

describe('scope of lists', () => {
  it('lists only the applications of consenting persons for proxies, all for staff', async () => {
    const f = await setup(tokens.resident);
    const ids = async (token: string) =>
      ((await t.http.get('/api/v1/applications').set(bearer(token))).body as { id: string }[]).map((a) => a.id);
    expect(await ids(tokens.resident)).toContain(f.draftId);
    expect(await ids(strangerToken)).not.toContain(f.draftId);
    expect(await ids(tokens['community-worker'])).not.toContain(f.draftId);
    for (const role of ['agent', 'officer', 'admin'] as const) expect(await ids(tokens[role])).toContain(f.draftId);
  });

  it('gives the officer a queue by state', async () => {
    const res = await t.http.get('/api/v1/applications').query({ state: 'submitted' }).set(bearer(tokens.officer));
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.every((a: { state: string }) => a.state === 'submitted')).toBe(true);
    const bad = await t.http.get('/api/v1/applications').query({ state: 'lost' }).set(bearer(tokens.officer));
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });
});
