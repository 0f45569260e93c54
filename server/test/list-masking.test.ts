// Lists never show a phone or an id number in full, to any role: only an officer opening one person (or one
// application) sees them. Walks every GET route of the OpenAPI document that answers a list.
import type { Role } from '../src/lib/roles';
import { DEMO_PROVIDER_ACCOUNT } from '../src/seed';
import { bearer, signIn, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp } from './helpers/benefit';
import { addDraft, addPerson } from './helpers/fixtures';

let t: TestApp;
let tokens: Record<Role, string>;
const ids: Record<string, string> = {};
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
  const b = await benefitFor(t, tokens, { planItems: ['助浴'] });
  t.setNow('2026-06-25T02:00:00Z');
  tokens.provider = await signIn(t, DEMO_PROVIDER_ACCOUNT.phone);
  const visit = await t.http
    .post(`/api/v1/benefits/${b.id}/service-records`)
    .set(bearer(tokens.provider))
    .send({
      workerName: '赵护理员',
      startAt: '2026-06-22T09:00:00+08:00',
      endAt: '2026-06-22T10:00:00+08:00',
      items: [{ name: '助浴', minutes: 40 }],
      identityChecked: true,
      identityMethod: 'social-security-card',
    });
  expect(visit.status).toBe(201);
  t.setNow('2026-07-01T02:00:00Z'); // a month is settled once it has ended
  const bill = await t.http
    .post(`/api/v1/benefits/${b.id}/settlements`)
    .set(bearer(tokens.provider))
    .send({ month: '2026-06', monthlyBillFen: 300000 });
  expect(bill.status).toBe(201);
  // A draft with a contact phone, the reviewer's case (GET /applications?state=draft as an officer).
  const person = await addPerson(t, tokens.resident, { phone: '13912345678' });
  const draft = await addDraft(t, tokens.resident, person.id);
  const patched = await t.http
    .patch(`/api/v1/applications/${draft.id}`)
    .set(bearer(tokens.resident))
    .send({ contactPhone: '13987654321' });
  expect(patched.status).toBe(200);
  Object.assign(ids, {
    personId: b.personId,
    applicationId: b.applicationId,
    benefitId: b.id,
    providerId: 'sample-wz-lucheng-home',
  });
});
afterAll(() => t.close());

const FULL_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const FULL_ID = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
/** Routes that answer one record, where an officer may see full numbers by design. */
const SINGLE = new Set(['/api/v1/persons/{personId}', '/api/v1/applications/{applicationId}', '/api/v1/me']);

describe('every list, every role', () => {
  it('shows no 11-digit mobile number and no 18-character id number unmasked', async () => {
    const doc = (await t.http.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const found: string[] = [];
    let lists = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!methods.get || SINGLE.has(path) || path.startsWith('/api/v1/dev/')) continue;
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? 'x');
      for (const role of Object.keys(tokens) as Role[]) {
        const res = await t.http.get(url).set(bearer(tokens[role]));
        if (res.status !== 200) continue;
        if (Array.isArray(res.body)) lists += 1;
        const text = JSON.stringify(res.body);
        const hit = FULL_PHONE.exec(text) ?? FULL_ID.exec(text);
        if (hit) found.push(`${path} as ${role}: ${hit[0]}`);
      }
    }
    expect(lists).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });

  it('an officer opening one person or one application still sees the full numbers', async () => {
    const person = await t.http.get(`/api/v1/persons/${ids.personId}`).set(bearer(tokens.officer));
    expect(person.body.phone).toMatch(FULL_PHONE);
    expect(person.body.idNumber).toMatch(FULL_ID);
    const drafts = await t.http.get('/api/v1/applications?state=draft').set(bearer(tokens.officer));
    expect(JSON.stringify(drafts.body)).toContain('139****4321');
    const draft = (drafts.body as { id: string; contactPhone: string | null }[]).find((a) => a.contactPhone)!;
    const one = await t.http.get(`/api/v1/applications/${draft.id}`).set(bearer(tokens.officer));
    expect(one.body.contactPhone).toBe('13987654321');
  });
});
