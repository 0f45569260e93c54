// The OpenAPI document is what clients are generated from, so it must be the truth: every route of the
// document is called over real HTTP (real app, real SQLite file, each role signed in as a user would), and
// every answer is validated with ajv against the document's schema for that method, path and status.
// Every request field has a Chinese description, and every call has an example request and response that
// the document's own schemas accept (recorded from these real answers: UPDATE_OPENAPI_EXAMPLES=1 rewrites
// server/src/lib/api-examples.json).
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SELF_CHECK_STANDARD } from '@changhu/rules';
import type { Role } from '../src/lib/roles';
import { DEMO_COMMUNITY } from '../src/seed';
import { bearer, latestCode, signIn, type TestApp } from './helpers/app';
import { approvedApplication, benefitFor, benefitTestApp, HOME, INSTITUTION } from './helpers/benefit';
import { addDraft, addPerson, PDF, PNG } from './helpers/fixtures';
import { applicationIn } from './helpers/walk';

type Json = Record<string, unknown>;
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}
interface Operation {
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema: Json;
    example?: unknown;
  }[];
  requestBody?: { content: Record<string, { schema: Json; example?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Json; example?: unknown }> }>;
}
interface Recorded {
  request: { params?: Json; query?: Json; body?: unknown };
  response: { status: number; body?: unknown };
}

const EXAMPLES_FILE = path.resolve(__dirname, '..', 'src', 'lib', 'api-examples.json');

let t: TestApp;
let tokens: Record<Role, string>;
let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<Json, ValidateFunction>();
/** Problems found along the walk: an undocumented status, a body the schema refuses. */
const problems: string[] = [];
/** Operations ("get /api/v1/persons/{personId}") that gave at least one 2xx answer the document accepts. */
const validated = new Set<string>();
const recorded: Record<string, Recorded> = {};

function inline(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inline);
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Json).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return inline(doc.components.schemas[ref.slice('#/components/schemas/'.length)]);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v)]));
}

function validator(schema: Json): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(inline(schema) as Json);
    compiled.set(schema, v);
  }
  return v;
}

/** Arrays cut to two items, so that an example stays readable; tokens are not kept. */
function shorten(value: unknown, key = ''): unknown {
  if (key === 'token' && typeof value === 'string') return 'token-from-the-sign-in-answer';
  if (Array.isArray(value)) return value.slice(0, 2).map((v) => shorten(v));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v, k)]));
}

interface CallOptions {
  as?: Role | 'anonymous';
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  upload?: { kind: string; file: Buffer; name: string };
  /** The status the walk needs to go on (default: any 2xx). */
  expect?: number;
}

/** Calls `METHOD /path/{param}` (path under /api/v1) and checks the answer against the document. */
async function call(op: string, o: CallOptions = {}) {
  const [method, template] = op.split(' ') as [string, string];
  const lower = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  const docPath = '/api/v1' + template;
  const url = docPath.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = o.params?.[name];
    if (value === undefined) throw new Error(`${op}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  let req = t.http[lower](url);
  if (o.query) req = req.query(o.query);
  const token = o.token ?? (o.as && o.as !== 'anonymous' ? tokens[o.as] : undefined);
  if (token) req = req.set(bearer(token));
  if (o.upload) req = req.field('kind', o.upload.kind).attach('file', o.upload.file, o.upload.name);
  const res = o.body !== undefined ? await req.send(o.body as object) : await req;

  const key = `${lower} ${docPath}`;
  const operation = doc.paths[docPath]?.[lower];
  if (!operation) {
    problems.push(`${key}: not in the document`);
    return res;
  }
  const documented = operation.responses[String(res.status)];
  if (!documented) {
    problems.push(`${key}: answered ${res.status}, which the document does not list (${JSON.stringify(res.body)})`);
  } else {
    const content = documented.content ?? {};
    const json = content['application/json']?.schema;
    let ok = true;
    if (json) {
      const v = validator(json);
      if (!v(res.body)) {
        ok = false;
        const errors = (v.errors ?? [])
          .slice(0, 8)
          .map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
        problems.push(`${key} ${res.status}: ${errors.join('; ')}`);
      }
    } else if (Object.keys(content).length) {
      const type = String(res.headers['content-type'] ?? '').split(';')[0];
      if (!(type in content)) {
        ok = false;
        problems.push(`${key} ${res.status}: content type ${type}, the document says ${Object.keys(content)}`);
      }
    } else if (res.text) {
      ok = false;
      problems.push(`${key} ${res.status}: a body where the document says none`);
    }
    if (ok && res.status >= 200 && res.status < 300) {
      validated.add(key);
      recorded[key] ??= {
        request: {
          ...(o.params ? { params: o.params } : {}),
          ...(o.query ? { query: o.query } : {}),
          ...(o.body !== undefined ? { body: o.body } : {}),
          ...(o.upload ? { body: { kind: o.upload.kind, file: `(${o.upload.name})` } } : {}),
        },
        response: {
          status: res.status,
          ...(json ? { body: shorten(res.body) } : {}),
        },
      };
    }
  }
  const wanted = o.expect;
  if (wanted !== undefined ? res.status !== wanted : res.status < 200 || res.status >= 300) {
    throw new Error(`${op} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
  doc = (await t.http.get('/api/v1/openapi.json')).body as Doc;
});
afterAll(() => t?.close());

describe('every route answers what the document says', () => {
  it('open calls: system, sign-in, reference, documents, calculations, self-check, feedback, providers', async () => {
    await call('GET /health');
    await call('POST /auth/codes', { body: { phone: '13811112222' } });
    await call('GET /dev/sms-outbox', { query: { phone: '13811112222' } });
    const code = await latestCode(t, '13811112222');
    const session = await call('POST /auth/sessions', { body: { phone: '13811112222', code } });
    await call('GET /me', { token: session.body.token });
    await call('DELETE /auth/sessions/current', { token: session.body.token });
    await call('GET /me', { token: session.body.token, expect: 401 });

    await call('GET /regions');
    await call('GET /regions/{region}/care-modes', { params: { region: 'wenzhou' }, query: { month: '2026-06' } });
    await call('GET /regions/{region}/care-modes', { params: { region: 'changchun' } });
    await call('GET /regions/{region}/care-modes', { params: { region: 'nowhere' }, expect: 400 });
    await call('GET /care-modes');
    await call('GET /insurance-types');
    await call('GET /grades');
    await call('GET /communities');
    await call('GET /disability-causes');

    await call('GET /documents', { query: { asOf: '2026-05-20' } });
    await call('GET /documents/{doc}', { params: { doc: 'wenzhou-2023' } });
    await call('GET /documents/{doc}/clauses/{clause}', { params: { doc: 'wenzhou-2023', clause: '§三(三)' } });
    await call('GET /documents/{doc}/clauses/{clause}', {
      params: { doc: 'wenzhou-2023', clause: '§九十九' },
      expect: 404,
    });

    // Estimates in every shape: a whole month, part of a month, an indicative (jilin) answer, medical care.
    const estimate = {
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'employee',
      careMode: 'home',
      grade: 'severe-2',
      monthlyBillFen: 200000,
      asOf: '2026-05-20',
    };
    await call('POST /estimates', { body: estimate });
    await call('POST /estimates', { body: { ...estimate, month: '2026-06', daysCovered: 10 } });
    await call('POST /estimates', {
      body: {
        region: 'changchun',
        insurance: 'employee',
        careMode: 'institution',
        grade: 'severe-3',
        monthlyBillFen: 300000,
      },
    });
    await call('POST /estimates', {
      body: { region: 'jining', careMode: 'medical-special', hospitalTier: 2, monthlyBillFen: 300000 },
    });
    await call('POST /estimates', { body: { region: 'wenzhou', careMode: 'home' }, expect: 400 });
    await call('POST /eligibility', {
      body: { region: 'wenzhou', district: 'lucheng', insurance: 'employee', grade: 'severe-2', asOf: '2026-05-20' },
    });
    await call('POST /eligibility', {
      body: { region: 'jinjiang', insurance: 'resident', disabilityMonths: 3, disabilityCause: 'short-term' },
    });
    await call('POST /eligibility', { body: { region: 'wenzhou', insurance: 'resident' } });
    await call('POST /comparisons', {
      body: {
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee',
        grade: 'severe-2',
        monthlyBillFen: 200000,
      },
    });
    await call('POST /comparisons', {
      body: { region: 'jilin-city', insurance: 'employee', grade: 'severe-3', monthlyBillFen: 300000 },
    });
    await call('GET /contributions', { query: { region: 'wenzhou', insurance: 'employee', year: 2026 } });
    await call('GET /contributions', { query: { region: 'changchun', insurance: 'resident', year: 2026 } });
    await call('GET /contributions', { query: { region: 'jinjiang', insurance: 'resident', year: 2030 } });
    await call('GET /deadlines/objection', { query: { region: 'wenzhou', noticeDate: '2026-09-28' } });
    await call('GET /deadlines/objection', { query: { region: 'wenzhou', noticeDate: '2031-12-20' } });
    await call('GET /deadlines/objection', { query: { region: 'changchun', noticeDate: '2026-05-20' } });
    await call('GET /deadlines/benefit-start', { query: { region: 'wenzhou', approvalDate: '2026-05-20' } });
    await call('GET /deadlines/benefit-start', {
      query: { region: 'wenzhou', approvalDate: '2026-05-20', insurance: 'resident', district: 'lucheng' },
    });
    await call('GET /deadlines/benefit-start', { query: { region: 'changchun', approvalDate: '2026-05-20' } });

    const questions = await call('GET /self-check/questions');
    const marks = (questions.body.quickScreen.items as { group: 'a' | 'b'; id: string }[]).reduce(
      (acc, item) => ({ ...acc, [item.group]: { ...acc[item.group], [item.id]: 'dependent' } }),
      { a: {}, b: {} } as Record<'a' | 'b', Record<string, string>>,
    );
    await call('POST /quick-screen', { body: marks });
    await call('POST /quick-screen', {
      body: { a: Object.fromEntries(Object.keys(marks.a).map((k) => [k, 'independent'])), b: marks.b },
    });
    const lowest = Object.fromEntries(
      SELF_CHECK_STANDARD.domains.flatMap((d) =>
        d.items.map((i) => [i.id, Math.min(...i.options.map((o) => o.points))]),
      ),
    );
    await call('POST /self-check', { body: lowest });
    await call('POST /self-check', { body: { ...lowest, nothing: 1 }, expect: 400 });

    const feedback = {
      topic: 'comparison',
      page: '/pages/compare/index?region=wenzhou',
      region: 'wenzhou',
      inputs: { region: 'wenzhou', monthlyBillFen: 200000 },
      answer: { modes: [] },
      message: '居家护理的金额好像不对，我的电话13912345678',
    };
    await call('POST /feedback', { body: feedback });
    await call('POST /feedback', { body: { ...feedback, region: undefined, topic: 'other' } });
    await call('GET /feedback', { as: 'officer', query: { limit: 10 } });
    await call('GET /feedback', { as: 'resident', expect: 403 });

    await call('GET /providers', { query: { region: 'wenzhou', mode: 'home', lat: 28.0, lng: 120.65 } });
    await call('GET /providers', { query: { region: 'wenzhou', sort: 'rating' } });
    await call('GET /providers/{providerId}', { params: { providerId: HOME } });
  });

  it('persons, consents, applications, materials, inbox', async () => {
    const person = await call('POST /persons', {
      as: 'resident',
      body: {
        name: '钱阿婆',
        idNumber: '330302194501011239',
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee-retired',
        phone: '13700000001',
        address: '温州市鹿城区测试路1号',
        relationship: 'child',
        consent: { method: 'in-person', givenBy: '钱阿婆', givenAt: '2026-05-01T10:00:00+08:00' },
      },
    });
    ids.personId = person.body.id;
    await call('GET /persons', { as: 'resident' });
    await call('GET /persons', { as: 'agent', query: { q: '钱' } });
    await call('GET /persons', { as: 'agent', query: { idNumber: '330302194501011239' } });
    await call('GET /persons', { as: 'officer', query: { phone: '13700000001' } });
    await call('GET /persons/{personId}', { as: 'resident', params: { personId: ids.personId } });
    await call('GET /persons/{personId}', { as: 'officer', params: { personId: ids.personId } });
    await call('GET /persons/{personId}', { as: 'resident', params: { personId: 'nobody' }, expect: 404 });
    await call('PATCH /persons/{personId}', {
      as: 'resident',
      params: { personId: ids.personId },
      body: { address: '温州市鹿城区测试路2号', phone: '13700000002' },
    });
    await call('GET /persons/{personId}/consents', { as: 'resident', params: { personId: ids.personId } });
    // The person's own account grants a community worker; then the family revokes it.
    const own = await signIn(t, '13700000002');
    await call('GET /persons', { token: own });
    const granted = await call('POST /persons/{personId}/consents', {
      as: 'officer',
      params: { personId: ids.personId },
      body: {
        granteePhone: '13800000002',
        relationship: 'community-help',
        method: 'written',
        givenBy: '钱阿婆',
        givenAt: '2026-05-10T10:00:00+08:00',
      },
    });
    await call('DELETE /persons/{personId}/consents/{consentId}', {
      as: 'officer',
      params: { personId: ids.personId, consentId: granted.body.id },
    });

    const draft = await call('POST /applications', { as: 'resident', body: { personId: ids.personId } });
    ids.applicationId = draft.body.id;
    await call('PATCH /applications/{applicationId}', {
      as: 'resident',
      params: { applicationId: ids.applicationId },
      body: {
        careMode: 'home',
        disabilityCause: 'illness',
        disabilityMonths: 8,
        description: '中风后卧床，吃饭穿衣都要人帮',
        visitAddress: '温州市鹿城区测试路2号',
        contactPhone: '13700000002',
      },
    });
    const png = await call('POST /applications/{applicationId}/materials', {
      as: 'resident',
      params: { applicationId: ids.applicationId },
      upload: { kind: 'id-card', file: PNG, name: '身份证.png' },
    });
    const pdf = await call('POST /applications/{applicationId}/materials', {
      as: 'resident',
      params: { applicationId: ids.applicationId },
      upload: { kind: 'medical-record', file: PDF, name: '病历.pdf' },
    });
    await call('GET /applications/{applicationId}/materials', {
      as: 'officer',
      params: { applicationId: ids.applicationId },
    });
    await call('GET /applications/{applicationId}/materials/{materialId}/content', {
      as: 'officer',
      params: { applicationId: ids.applicationId, materialId: png.body.id },
    });
    await call('GET /applications/{applicationId}/materials/{materialId}/content', {
      as: 'resident',
      params: { applicationId: ids.applicationId, materialId: pdf.body.id },
    });
    await call('DELETE /applications/{applicationId}/materials/{materialId}', {
      as: 'resident',
      params: { applicationId: ids.applicationId, materialId: pdf.body.id },
    });
    await call('POST /applications/{applicationId}/materials', {
      as: 'resident',
      params: { applicationId: ids.applicationId },
      upload: { kind: 'other', file: Buffer.from('not a picture'), name: 'note.txt' },
      expect: 415,
    });
    await call('POST /applications/{applicationId}/moves', {
      as: 'resident',
      params: { applicationId: ids.applicationId },
      body: { move: 'submit' },
    });
    await call('POST /applications/{applicationId}/moves', {
      as: 'officer',
      params: { applicationId: ids.applicationId },
      body: { move: 'return', reason: '缺少病历材料' },
    });
    await call('POST /applications/{applicationId}/moves', {
      as: 'officer',
      params: { applicationId: ids.applicationId },
      body: { move: 'approve' },
      expect: 409,
    });
    await call('GET /applications', { as: 'resident' });
    await call('GET /applications', { as: 'officer', query: { state: 'returned' } });
    await call('GET /applications/{applicationId}', { as: 'resident', params: { applicationId: ids.applicationId } });
    await call('GET /applications/{applicationId}', { as: 'officer', params: { applicationId: ids.applicationId } });
    await call('GET /applications/{applicationId}/events', {
      as: 'resident',
      params: { applicationId: ids.applicationId },
    });
    await call('GET /applications/{applicationId}/events', {
      as: 'officer',
      params: { applicationId: ids.applicationId },
    });
    // An application through to the decision, with its events (visit, grade, publicity, approval).
    const approved = await applicationIn(t, tokens, 'approved');
    await call('GET /applications/{applicationId}', { as: 'officer', params: { applicationId: approved } });
    await call('GET /applications/{applicationId}/events', { as: 'officer', params: { applicationId: approved } });
    await call('GET /applications', { as: 'officer', query: { state: 'approved' } });
    // The other ends: refused, objected to and reassessed, and a grade the region pays nothing for.
    for (const state of ['rejected', 'objection-filed', 'reassessed'] as const) {
      const id = await applicationIn(t, tokens, state);
      await call('GET /applications/{applicationId}', { as: 'resident', params: { applicationId: id } });
      await call('GET /applications/{applicationId}/events', { as: 'officer', params: { applicationId: id } });
    }
    const unpaid = await applicationIn(t, tokens, 'assessed', {}, { assess: { grade: 'moderate' } });
    const flagged = await call('GET /applications/{applicationId}', {
      as: 'officer',
      params: { applicationId: unpaid },
    });
    expect(flagged.body.gradeProblem).toEqual(expect.any(String));
    const scheduled = await applicationIn(t, tokens, 'assessment-scheduled');
    await call('GET /applications/{applicationId}', { as: 'officer', params: { applicationId: scheduled } });

    const inbox = await call('GET /inbox', { as: 'resident', query: { personId: ids.personId } });
    expect(inbox.body.length).toBeGreaterThan(0);
    await call('GET /inbox', { as: 'resident' });
    await call('POST /inbox/{messageId}/read', { as: 'resident', params: { messageId: inbox.body[0].id } });
  });

  it('users and providers (officer, admin)', async () => {
    await call('GET /users', { as: 'admin' });
    const worker = await call('POST /users', {
      as: 'admin',
      body: { phone: '13822223333', name: '孙社工', role: 'community-worker', communityId: DEMO_COMMUNITY.id },
    });
    await call('PATCH /users/{userId}', { as: 'admin', params: { userId: worker.body.id }, body: { name: '孙晓' } });
    const agent = await call('POST /users', {
      as: 'admin',
      body: { phone: '13822224444', name: '周客服', role: 'agent' },
    });
    await call('PATCH /users/{userId}', { as: 'admin', params: { userId: agent.body.id }, body: { role: 'officer' } });

    const provider = await call('POST /providers', {
      as: 'officer',
      body: {
        name: '鹿城安康居家护理站',
        region: 'wenzhou',
        district: 'lucheng',
        address: '温州市鹿城区安康路8号',
        lat: 28.01,
        lng: 120.66,
        phone: '0577-88886666',
        careModes: ['home'],
        capacity: 30,
        freePlaces: 5,
        items: [{ name: '助浴', unit: '次', priceFen: 8000 }],
      },
    });
    ids.newProvider = provider.body.id;
    await call('POST /providers', {
      as: 'admin',
      body: {
        name: '任城人民医院医疗专护病区',
        region: 'jining',
        district: 'rencheng',
        address: '济宁市任城区人民路1号',
        lat: 28.0,
        lng: 120.65,
        phone: '0537-88881234',
        careModes: ['medical-special'],
        hospitalTier: 2,
        capacity: 10,
        freePlaces: 0,
      },
    });
    await call('PATCH /providers/{providerId}', {
      as: 'officer',
      params: { providerId: ids.newProvider },
      body: { freePlaces: 4, items: [{ name: '助浴', unit: '次', priceFen: 9000 }] },
    });
    await call('POST /providers/{providerId}/accounts', {
      as: 'admin',
      params: { providerId: ids.newProvider },
      body: { phone: '13733334444', name: '安康护理站账号' },
    });
  });

  it('benefits, suspensions, plan changes, service records, ratings, settlements', async () => {
    const approved = await approvedApplication(t, tokens);
    const b = (
      await call('POST /benefits', {
        as: 'officer',
        body: { applicationId: approved, careMode: 'home', providerId: HOME, planItems: ['助浴', '协助进食'] },
      })
    ).body as { id: string; personId: string };
    ids.benefitId = b.id;
    await benefitFor(t, tokens, { careMode: 'institution', providerId: INSTITUTION });
    await call('GET /benefits', { as: 'resident' });
    await call('GET /benefits', { as: 'officer', query: { personId: b.personId } });
    await call('GET /benefits', { as: 'provider', query: { state: 'active' } });
    await call('GET /benefits/{benefitId}', { as: 'resident', params: { benefitId: b.id } });

    t.setNow('2026-06-10T02:00:00Z');
    await call('POST /benefits/{benefitId}/suspensions', {
      as: 'officer',
      params: { benefitId: b.id },
      body: { reason: 'hospital-stay', from: '2026-06-05', note: '肺炎住院' },
    });
    const suspended = await call('GET /benefits/{benefitId}', { as: 'officer', params: { benefitId: b.id } });
    await call('PATCH /benefits/{benefitId}/suspensions/{suspensionId}', {
      as: 'officer',
      params: { benefitId: b.id, suspensionId: suspended.body.suspensions[0].id },
      body: { to: '2026-06-09' },
    });
    const asked = await call('POST /benefits/{benefitId}/plan-changes', {
      as: 'resident',
      params: { benefitId: b.id },
      body: { careMode: 'family', reason: '女儿退休了，想自己照顾' },
    });
    await call('POST /benefits/{benefitId}/plan-requests/{requestId}/decline', {
      as: 'officer',
      params: { benefitId: b.id, requestId: asked.body.planRequests[0].id },
      body: { reason: '家庭护理需先参加护理培训，培训后再申请' },
    });
    const again = await call('POST /benefits/{benefitId}/plan-changes', {
      as: 'resident',
      params: { benefitId: b.id },
      body: { providerId: ids.newProvider, reason: '离家更近' },
    });
    await call('POST /benefits/{benefitId}/plan-requests/{requestId}/confirm', {
      as: 'officer',
      params: { benefitId: b.id, requestId: again.body.planRequests[1].id },
    });
    await call('POST /benefits/{benefitId}/plan-changes', {
      as: 'officer',
      params: { benefitId: b.id },
      body: { providerId: HOME, planItems: ['助浴'] },
    });

    t.setNow('2026-06-25T02:00:00Z');
    const visit = await call('POST /benefits/{benefitId}/service-records', {
      as: 'provider',
      params: { benefitId: b.id },
      body: {
        workerName: '赵护理员',
        startAt: '2026-06-22T09:00:00+08:00',
        endAt: '2026-06-22T10:30:00+08:00',
        items: [
          { name: '助浴', minutes: 40 },
          { name: '理发', minutes: 20, priceFen: 3000 },
        ],
        identityChecked: true,
        identityMethod: 'social-security-card',
        selfPaidConsent: { givenBy: '钱阿婆', method: 'in-person' },
      },
    });
    await call('POST /benefits/{benefitId}/service-records', {
      as: 'officer',
      params: { benefitId: b.id },
      body: {
        workerName: '钱护理员',
        startAt: '2026-06-23T09:00:00+08:00',
        endAt: '2026-06-23T10:00:00+08:00',
        items: [{ name: '协助进食', minutes: 30 }],
        identityChecked: false,
      },
    });
    await call('POST /benefits/{benefitId}/service-records', {
      as: 'provider',
      params: { benefitId: b.id },
      body: {
        workerName: '赵护理员',
        startAt: '2026-06-07T09:00:00+08:00',
        endAt: '2026-06-07T10:00:00+08:00',
        items: [{ name: '助浴', minutes: 40 }],
        identityChecked: true,
        identityMethod: 'face-recognition',
      },
      expect: 409,
    });
    await call('GET /benefits/{benefitId}/service-records', { as: 'resident', params: { benefitId: b.id } });
    await call('GET /service-records', { as: 'provider' });
    await call('GET /service-records', { as: 'officer', query: { benefitId: b.id } });
    await call('GET /service-records/{serviceRecordId}', {
      as: 'resident',
      params: { serviceRecordId: visit.body.id },
    });
    await call('POST /service-records/{serviceRecordId}/rating', {
      as: 'resident',
      params: { serviceRecordId: visit.body.id },
      body: { score: 5, comment: '护理员很耐心' },
    });
    await call('GET /service-records/{serviceRecordId}', {
      as: 'provider',
      params: { serviceRecordId: visit.body.id },
    });
    await call('GET /providers/{providerId}/ratings', { as: 'officer', params: { providerId: HOME } });
    await call('GET /providers/{providerId}/ratings', { as: 'provider', params: { providerId: HOME } });
    await call('GET /providers/{providerId}', { params: { providerId: HOME } });

    t.setNow('2026-07-01T02:00:00Z');
    await call('POST /benefits/{benefitId}/settlements/preview', {
      as: 'officer',
      params: { benefitId: b.id },
      body: { month: '2026-06', monthlyBillFen: 300000 },
    });
    const settled = await call('POST /benefits/{benefitId}/settlements', {
      as: 'provider',
      params: { benefitId: b.id },
      body: { month: '2026-06', monthlyBillFen: 300000 },
    });
    await call('POST /benefits/{benefitId}/settlements', {
      as: 'officer',
      params: { benefitId: b.id },
      body: { month: '2026-06', monthlyBillFen: 300000 },
      expect: 409,
    });
    await call('PUT /settlements/{settlementId}', {
      as: 'officer',
      params: { settlementId: settled.body.id },
      body: { monthlyBillFen: 280000, reason: '账单多算了一次助浴' },
    });
    await call('GET /settlements/{settlementId}', { as: 'resident', params: { settlementId: settled.body.id } });
    await call('GET /benefits/{benefitId}/settlements', { as: 'resident', params: { benefitId: b.id } });
    await call('GET /settlements', { as: 'officer', query: { month: '2026-06' } });
    await call('GET /settlements', { as: 'provider' });

    await call('POST /benefits/{benefitId}/stop', {
      as: 'officer',
      params: { benefitId: b.id },
      body: { on: '2026-07-15', reason: '迁往外地居住' },
    });
    await call('GET /benefits/{benefitId}/events', { as: 'resident', params: { benefitId: b.id } });
    await call('GET /benefits/{benefitId}/events', { as: 'officer', params: { benefitId: b.id } });
    await call('GET /benefits', { as: 'officer', query: { state: 'stopped' } });

    // An institution benefit in jilin (indicative ratio) settled for part of a month.
    t.setNow('2026-07-02T02:00:00Z');
    const draft = await addDraft(t, tokens.resident, (await addPerson(t, tokens.resident)).id);
    expect(draft.state).toBe('draft');
  });

  it('the chatbot and the agents’ desk', async () => {
    const chat = await call('POST /bot/messages', {
      body: { text: '温州居家上门护理，重度失能Ⅲ级，每月账单3000元能报多少' },
    });
    const sessionId = chat.body.sessionId as string;
    await call('POST /bot/messages', { body: { sessionId, text: '职工医保' } });
    await call('POST /bot/messages', { token: tokens.resident, body: { text: '怎么申请长护险' } });
    await call('GET /bot/conversations/{sessionId}/messages', { params: { sessionId } });
    await call('GET /bot/conversations/{sessionId}/messages', { params: { sessionId }, query: { after: 1 } });
    await call('GET /bot/agents/me', { as: 'agent' });
    await call('PUT /bot/agents/me', { as: 'agent', body: { available: true } });
    const handed = await call('POST /bot/messages', { body: { sessionId, text: '转人工' } });
    expect(handed.body.handoff).toBeDefined();
    await call('GET /bot/handoffs', { as: 'agent' });
    await call('GET /bot/handoffs', { as: 'agent', query: { state: 'pending' } });
    await call('GET /bot/handoffs/{conversationId}', { as: 'agent', params: { conversationId: sessionId } });
    await call('POST /bot/handoffs/{conversationId}/take', { as: 'agent', params: { conversationId: sessionId } });
    await call('POST /bot/handoffs/{conversationId}/replies', {
      as: 'agent',
      params: { conversationId: sessionId },
      body: { text: '您好，温州重度失能Ⅲ级居家上门护理每月最多报销多少，我帮您算一下。' },
    });
    await call('POST /bot/messages', { body: { sessionId, text: '好的谢谢' } });
    await call('GET /bot/conversations/{sessionId}/messages', { params: { sessionId }, query: { after: 2 } });
    await call('POST /bot/handoffs/{conversationId}/close', {
      as: 'agent',
      params: { conversationId: sessionId },
      body: { outcome: 'answered', note: '已说明限额' },
    });
    // A second conversation that the agent hands back to the bot.
    const second = await call('POST /bot/messages', { body: { text: '转人工' } });
    const other = second.body.sessionId as string;
    await call('POST /bot/handoffs/{conversationId}/take', { as: 'agent', params: { conversationId: other } });
    await call('POST /bot/handoffs/{conversationId}/release', { as: 'agent', params: { conversationId: other } });
    await call('PUT /bot/agents/me', { as: 'agent', body: { available: false } });
    // Nobody available: a callback with a phone number.
    const callback = await call('POST /bot/messages', { body: { text: '找个真人' } });
    const phone = await call('POST /bot/messages', {
      body: { sessionId: callback.body.sessionId, text: '13912345678' },
    });
    await call('POST /bot/messages', {
      body: { sessionId: callback.body.sessionId, text: phone.body.reply.quickReplies[0] },
    });
    await call('GET /bot/handoffs', { as: 'agent', query: { state: 'pending' } });
    await call('GET /bot/handoffs/{conversationId}', {
      as: 'agent',
      params: { conversationId: callback.body.sessionId },
    });
    const assist = await call('POST /bot/assist', { as: 'agent', body: { text: '温州重度失能二级居家护理能报多少' } });
    await call('POST /bot/assist', {
      as: 'agent',
      body: { text: '账单3000元', ...(assist.body.context ? { context: assist.body.context } : {}) },
    });
  });

  it('would notice a missing or an extra field in a real answer', () => {
    const schema = doc.paths['/api/v1/estimates']!.post!.responses['200']!.content!['application/json']!.schema!;
    const real = recorded['post /api/v1/estimates']!.response.body as Json;
    expect(validator(schema)(real)).toBe(true);
    const { steps: _steps, ...missing } = real;
    expect(validator(schema)(missing)).toBe(false);
    expect(validator(schema)({ ...real, extra: 1 })).toBe(false);
    const note = { code: 'prorated', text: '按天折算', cite: [{ doc: 'wenzhou-2023', clause: '§四(四)' }] };
    expect(validator(schema)({ ...real, notes: [note] })).toBe(true);
  });

  it('every answer matched the document', () => {
    expect(problems).toEqual([]);
  });

  it('every documented operation got at least one validated 2xx answer', () => {
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((m) => `${m} ${p}`),
    );
    expect(operations.length).toBeGreaterThan(80);
    expect(operations.filter((op) => !validated.has(op))).toEqual([]);
    if (process.env.UPDATE_OPENAPI_EXAMPLES) {
      const sorted = Object.fromEntries(operations.filter((op) => recorded[op]).map((op) => [op, recorded[op]]));
      fs.writeFileSync(EXAMPLES_FILE, JSON.stringify(sorted, null, 2) + '\n');
    }
  });
});

/** Every object schema of an answer lists its fields and refuses others (free-form maps excepted). */
function openObjects(schema: unknown, where: string, out: string[]): string[] {
  if (Array.isArray(schema)) schema.forEach((s, i) => openObjects(s, `${where}[${i}]`, out));
  else if (schema && typeof schema === 'object') {
    const s = schema as Json;
    if (s.properties && s.additionalProperties !== false) out.push(where);
    for (const [k, v] of Object.entries(s))
      if (k !== 'example' && k !== 'examples') openObjects(v, `${where}.${k}`, out);
  }
  return out;
}

/** Request fields (parameters, body properties at any depth) without a Chinese description. */
function undescribed(schema: unknown, where: string, out: { all: number; missing: string[] }): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Json;
  for (const [name, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    out.all += 1;
    if (!/[\u4e00-\u9fa5]/.test(String(prop.description ?? ''))) out.missing.push(`${where}.${name}`);
    undescribed(prop, `${where}.${name}`, out);
  }
  for (const key of ['items', 'additionalProperties']) undescribed(s[key], `${where}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const sub of (s[key] ?? []) as Json[]) undescribed(sub, where, out);
}

describe('the document itself', () => {
  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ key: `${m} ${p}`, op })),
    );

  it('lists every field of every answer and no more', () => {
    const open: string[] = [];
    for (const { key, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        const schema = r.content?.['application/json']?.schema;
        if (schema) openObjects(schema, `${key} ${status}`, open);
      }
    }
    expect(open).toEqual([]);
  });

  it('describes every request field in Chinese', () => {
    const out = { all: 0, missing: [] as string[] };
    for (const { key, op } of operations()) {
      for (const p of op.parameters ?? []) {
        out.all += 1;
        if (!/[\u4e00-\u9fa5]/.test(String(p.description ?? p.schema.description ?? ''))) {
          out.missing.push(`${key} ${p.in}:${p.name}`);
        }
        undescribed(p.schema, `${key} ${p.in}:${p.name}`, out);
      }
      for (const [type, c] of Object.entries(op.requestBody?.content ?? {}))
        undescribed(c.schema, `${key} ${type}`, out);
    }
    expect(out.all).toBeGreaterThan(200);
    expect(out.missing).toEqual([]);
  });

  it('has an example request and response for every call, which its own schemas accept', () => {
    const wrong: string[] = [];
    for (const { key, op } of operations()) {
      for (const p of op.parameters ?? []) {
        if (p.example === undefined) {
          if (p.required) wrong.push(`${key} ${p.in}:${p.name}: no example`);
        } else if (p.in === 'path' && !validator(p.schema)(String(p.example))) {
          wrong.push(`${key} ${p.in}:${p.name}: example ${JSON.stringify(p.example)} refused`);
        }
      }
      for (const [type, c] of Object.entries(op.requestBody?.content ?? {})) {
        if (c.example === undefined) wrong.push(`${key} ${type}: no request example`);
        else if (type === 'application/json' && !validator(c.schema)(c.example)) {
          wrong.push(`${key} request example refused: ${ajv.errorsText(validator(c.schema).errors)}`);
        }
      }
      const ok = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
      if (!ok.length) wrong.push(`${key}: no 2xx answer`);
      for (const [status, r] of ok) {
        const json = r.content?.['application/json'];
        if (!json?.schema) continue;
        if (json.example === undefined) wrong.push(`${key} ${status}: no response example`);
        else if (!validator(json.schema)(json.example)) {
          wrong.push(`${key} ${status} example refused: ${ajv.errorsText(validator(json.schema).errors)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the recorded examples in step with the routes', () => {
    const stored = JSON.parse(fs.readFileSync(EXAMPLES_FILE, 'utf8')) as Record<string, unknown>;
    const keys = operations().map((o) => o.key);
    expect(Object.keys(stored).filter((k) => !keys.includes(k))).toEqual([]);
  });
});
