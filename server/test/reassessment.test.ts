// An objection filed after the benefit started, over HTTP and a real SQLite file: when the reassessment
// changes the grade, the benefit takes the new grade from the month after the new decision (benefitStart of
// the rules), linked to the decision's event, and later settlements use it; earlier months keep the old one.
import { benefitStart, estimate } from '@changhu/rules';
import type { Role } from '../src/lib/roles';
import { bearer, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp } from './helpers/benefit';
import { move } from './helpers/fixtures';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
});
afterAll(() => t.close());

const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));
const split = (grade: string, month: string, today: string) =>
  estimate(
    {
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'employee-retired',
      careMode: 'home',
      grade,
      monthlyBillFen: 350000,
      month,
    },
    { today },
  );

/** Objection on the approved application, reassessment with the grade, then the officer's decision. */
async function objectAndDecide(applicationId: string, grade: string, decision: Record<string, unknown>) {
  t.setNow('2026-05-27T02:00:00Z');
  expect(
    (await move(t, tokens.resident, applicationId, { move: 'object', reason: '老人情况比评估时更重' })).status,
  ).toBe(200);
  t.setNow('2026-06-05T02:00:00Z');
  expect((await move(t, tokens.officer, applicationId, { move: 'reassess', grade })).status).toBe(200);
  t.setNow('2026-06-10T02:00:00Z');
  const res = await move(t, tokens.officer, applicationId, decision);
  expect(res.status).toBe(200);
}

describe('a reassessment that changes the grade of a running benefit', () => {
  let benefitId: string;
  let applicationId: string;
  let personId: string;
  let decisionEventId: string;
  const fromMonth = benefitStart('2026-06-10', 'wenzhou').month;

  beforeAll(async () => {
    t.setNow('2026-05-20T02:00:00Z');
    ({ id: benefitId, applicationId, personId } = await benefitFor(t, tokens, { grade: 'severe-1' }));
    await objectAndDecide(applicationId, 'severe-3', { move: 'approve' });
    const events = await get(tokens.officer, `/applications/${applicationId}/events`);
    decisionEventId = events.body.at(-1).id;
    expect(events.body.at(-1)).toMatchObject({ move: 'approve', from: 'reassessed' });
  });

  it('records the new grade from the month after the decision, linked to the decision', async () => {
    expect(fromMonth).toBe('2026-07');
    const res = await get(tokens.resident, `/benefits/${benefitId}`);
    expect(res.body).toMatchObject({
      grade: 'severe-1',
      grades: [
        { fromMonth: '2026-06', grade: 'severe-1', applicationEventId: null },
        { fromMonth: '2026-07', grade: 'severe-3', applicationEventId: decisionEventId },
      ],
    });
    const events = await get(tokens.officer, `/benefits/${benefitId}/events`);
    expect(events.body.at(-1)).toMatchObject({
      action: 'regrade',
      data: {
        applicationId,
        applicationEventId: decisionEventId,
        fromMonth: '2026-07',
        grade: 'severe-3',
        previousGrade: 'severe-1',
      },
    });
    const inbox = await get(tokens.resident, `/inbox?personId=${personId}`);
    expect(inbox.body[0].data).toMatchObject({
      phrase2: { value: '等级调整' },
      thing4: { value: expect.stringMatching(/^2026年7月起按/) },
    });
  });

  it('June is settled with the old grade, July with the new one', async () => {
    t.setNow('2026-07-03T02:00:00Z');
    const june = await post(tokens.officer, `/benefits/${benefitId}/settlements`, {
      month: '2026-06',
      monthlyBillFen: 350000,
    });
    expect(june.status).toBe(201);
    expect(june.body).toMatchObject({
      grade: 'severe-1',
      fundPaysFen: split('severe-1', '2026-06', '2026-07-03').fundPaysFen,
    });
    expect((await get(tokens.resident, `/benefits/${benefitId}`)).body.grade).toBe('severe-3');
    t.setNow('2026-08-03T02:00:00Z');
    const july = await post(tokens.officer, `/benefits/${benefitId}/settlements`, {
      month: '2026-07',
      monthlyBillFen: 350000,
    });
    expect(july.status).toBe(201);
    const expected = split('severe-3', '2026-07', '2026-08-03');
    expect(july.body).toMatchObject({
      grade: 'severe-3',
      fundPaysFen: expected.fundPaysFen,
      personPaysFen: expected.personPaysFen,
    });
    expect(july.body.fundPaysFen).toBeGreaterThan(june.body.fundPaysFen);
  });
});

describe('a reassessment that keeps the grade, or a rejection', () => {
  beforeAll(() => t.setNow('2026-05-20T02:00:00Z'));

  it('the same grade is recorded on the benefit and changes nothing', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const b = await benefitFor(t, tokens, { grade: 'severe-2' });
    await objectAndDecide(b.applicationId, 'severe-2', { move: 'approve' });
    const res = await get(tokens.officer, `/benefits/${b.id}`);
    expect(res.body.grades).toHaveLength(1);
    const events = await get(tokens.officer, `/benefits/${b.id}/events`);
    expect(events.body.at(-1)).toMatchObject({
      action: 'reassessment',
      data: { decision: 'approve', grade: 'severe-2', previousGrade: 'severe-2' },
    });
  });

  it('a rejection is recorded with a note for the officer; the benefit goes on until stopped', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const b = await benefitFor(t, tokens, { grade: 'severe-2' });
    await objectAndDecide(b.applicationId, 'moderate', { move: 'reject', reason: '复评等级未达到重度失能' });
    const res = await get(tokens.officer, `/benefits/${b.id}`);
    expect(res.body).toMatchObject({ state: 'active', grade: 'severe-2' });
    expect(res.body.grades).toHaveLength(1);
    const events = await get(tokens.officer, `/benefits/${b.id}/events`);
    expect(events.body.at(-1)).toMatchObject({
      action: 'reassessment',
      reason: expect.stringContaining('由经办人员决定'),
      data: { decision: 'reject', grade: 'moderate' },
    });
  });
});
