// An objection deadline that runs into a year whose holidays the calendar does not hold is provisional (the
// rules' `calendar-unpublished` note): the server accepts an objection after it and shows the officer why.
import type { Role } from '../src/lib/roles';
import { bearer, createTestApp, expectErrorShape, signInAllRoles, type TestApp } from './helpers/app';
import { move } from './helpers/fixtures';
import { applicationIn } from './helpers/walk';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-10-01T02:00:00Z', config: { sessionTtlMinutes: 365 * 24 * 60 } });
  tokens = await signInAllRoles(t);
});
afterAll(() => t.close());

/** An application publicized before `decisionDay` and approved on it (09:00 Shanghai). */
async function approvedOn(decisionDay: string): Promise<string> {
  t.setNow(`${decisionDay}T00:00:00Z`);
  const id = await applicationIn(t, tokens, 'publicized');
  const res = await move(t, tokens.officer, id, { move: 'approve' });
  expect(res.status).toBe(200);
  return id;
}

describe('objections and provisional deadlines', () => {
  it('a decision on 2026-12-18: the deadline in 2027 is provisional; an objection on 2027-01-04 is accepted', async () => {
    const id = await approvedOn('2026-12-18');
    const decided = await t.http.get(`/api/v1/applications/${id}`).set(bearer(tokens.officer));
    expect(decided.body).toMatchObject({ objectionDeadline: '2027-01-01', objectionDeadlineProvisional: true });
    expect(decided.body.objectionDeadlineNote).toMatch(/尚未收录/);
    t.setNow('2027-01-04T02:00:00Z');
    const family = await t.http.get(`/api/v1/applications/${id}`).set(bearer(tokens.resident));
    expect(family.body.allowedMoves).toContain('object');
    const res = await move(t, tokens.resident, id, { move: 'object', reason: '老人情况比评估时更重' });
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('objection-filed');
    const events = (await t.http.get(`/api/v1/applications/${id}/events`).set(bearer(tokens.officer))).body as {
      move: string;
      data: Record<string, unknown> | null;
    }[];
    const filed = events.find((e) => e.move === 'object')!;
    expect(filed.data).toMatchObject({ objectionDeadlineProvisional: true });
    expect(String(filed.data!.objectionDeadlineNote)).toMatch(/尚未收录/);
  });

  it('a firm deadline still refuses the day after', async () => {
    const id = await approvedOn('2026-10-09');
    const decided = await t.http.get(`/api/v1/applications/${id}`).set(bearer(tokens.officer));
    expect(decided.body).toMatchObject({
      objectionDeadline: '2026-10-22',
      objectionDeadlineProvisional: false,
      objectionDeadlineNote: null,
    });
    t.setNow('2026-10-23T02:00:00Z');
    const res = await move(t, tokens.resident, id, { move: 'object', reason: '老人情况比评估时更重' });
    expect(res.status).toBe(422);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('objection-window-closed');
    expect(res.body.error.message).toContain('2026年10月22日');
  });
});
