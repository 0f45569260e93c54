// A grade the rules do not pay ("normal", or below the region's threshold) cannot be approved nor become a
// benefit: the refusal carries the rules' reason text. A grade whose benefits are set locally passes, with
// the rules' note for the officer.
import { eligibility } from '@changhu/rules';
import type { Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { benefitTestApp, HOME } from './helpers/benefit';
import { move } from './helpers/fixtures';
import { applicationIn } from './helpers/walk';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
});
afterAll(() => t.close());

async function assessed(grade: string, person: Record<string, unknown> = {}) {
  return applicationIn(t, tokens, 'publicized', person, { assess: { grade } });
}

const gradeReason = (region: string, grade: string) =>
  eligibility({ region, insurance: 'employee-retired', grade, asOf: '2026-05-20' }).reasons.find(
    (r) => r.code === 'grade-not-eligible',
  )!.text;

describe('the grade is checked with the rules', () => {
  it.each(['normal', 'mild'])('a %s grade in wenzhou cannot be approved (422, the rules’ reason)', async (grade) => {
    const id = await assessed(grade);
    const res = await move(t, tokens.officer, id, { move: 'approve' });
    expect(res.status).toBe(422);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('grade-not-eligible');
    expect(res.body.error.message).toContain(gradeReason('wenzhou', grade));
    const now = await t.http.get(`/api/v1/applications/${id}`).set(bearer(tokens.officer));
    expect(now.body.state).toBe('publicized');
    expect((await move(t, tokens.officer, id, { move: 'reject', reason: '评估为基本正常' })).status).toBe(200);
  });

  it('an approved application with such a grade (older data) does not become a benefit', async () => {
    const id = await assessed('severe-3');
    expect((await move(t, tokens.officer, id, { move: 'approve' })).status).toBe(200);
    await t.db.prisma.application.update({ where: { id }, data: { grade: 'normal' } });
    const res = await t.http
      .post('/api/v1/benefits')
      .set(bearer(tokens.officer))
      .send({ applicationId: id, careMode: 'home', providerId: HOME });
    expect(res.status).toBe(422);
    expectErrorShape(res.body);
    expect(res.body.error.message).toContain(gradeReason('wenzhou', 'normal'));
    expect(await t.db.prisma.benefit.count({ where: { applicationId: id } })).toBe(0);
  });

  it('a grade set locally (changchun, moderate) is approved with the rules’ note for the officer', async () => {
    const id = await assessed('moderate', { region: 'changchun', district: undefined });
    const res = await move(t, tokens.officer, id, { move: 'approve' });
    expect(res.status).toBe(200);
    const events = (await t.http.get(`/api/v1/applications/${id}/events`).set(bearer(tokens.officer))).body as {
      move: string;
      data: { gradeNotes?: string[] } | null;
    }[];
    const approved = events.find((e) => e.move === 'approve')!;
    expect(approved.data?.gradeNotes?.join('')).toMatch(/试点城市确定/);
  });
});
