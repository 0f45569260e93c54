import {
  APPLICATION_STATES,
  benefitStart,
  chineseMonth,
  objectionDeadline,
  type ApplicationState,
} from '@changhu/rules';
import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';
import { addDraft, addPerson, move } from './helpers/fixtures';
import { actorOf, addMaterial, applicationIn, moveBody } from './helpers/walk';
import { MOVE_IDS, MOVES, type Move } from '../src/services/stateMachine';
import type { Role } from '../src/lib/roles';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  // Sessions that outlive the clock jumps of the objection-window tests.
  t = await createTestApp({ now: '2026-05-20T02:00:00Z', config: { sessionTtlMinutes: 365 * 24 * 60 } });
  tokens = await signInAllRoles(t);
});
afterAll(() => t.close());

const get = (token: string, id: string) => t.http.get(`/api/v1/applications/${id}`).set(bearer(token));

describe('the whole way of an application', () => {
  it('goes from draft to approved, through an objection and a reassessment, recording every move', async () => {
    const person = await addPerson(t, tokens.resident, { name: '周阿婆' });
    const draft = await addDraft(t, tokens.resident, person.id);
    expect(draft.state).toBe('draft');

    const saved = await t.http
      .patch(`/api/v1/applications/${draft.id}`)
      .set(bearer(tokens.resident))
      .send({ disabilityCause: 'illness', disabilityMonths: 7, description: '中风后卧床' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ disabilityMonths: 7, description: '中风后卧床', state: 'draft' });
    await addMaterial(t, tokens.resident, draft.id);

    const steps: [Role, string, ApplicationState][] = [
      ['resident', 'submit', 'submitted'],
      ['officer', 'accept', 'accepted'],
      ['officer', 'schedule', 'assessment-scheduled'],
      ['officer', 'assess', 'assessed'],
      ['officer', 'publicize', 'publicized'],
      ['officer', 'approve', 'approved'],
      ['resident', 'object', 'objection-filed'],
      ['officer', 'reassess', 'reassessed'],
      ['officer', 'approve', 'approved'],
    ];
    for (const [i, [role, id, to]] of steps.entries()) {
      // The decision waits for the end of the publicity (today): it comes the next day.
      if (id === 'approve' && steps[i - 1][1] === 'publicize') t.advance(24 * 3600_000);
      const res = await move(t, tokens[role], draft.id, moveBody(id as never, '2026-05-20'));
      expect([id, res.status, res.body.state]).toEqual([id, 200, to]);
    }
    const final = await get(tokens.resident, draft.id);
    expect(final.body).toMatchObject({
      grade: 'severe-3',
      gradeName: '重度失能Ⅲ级',
      benefitStartMonth: '2026-06',
      objectionCount: 1,
    });
    expect(final.body.objectionDeadline).toBeNull();
    expect(final.body.allowedMoves).toEqual([]);

    const events = await t.http.get(`/api/v1/applications/${draft.id}/events`).set(bearer(tokens.agent));
    expect(events.status).toBe(200);
    expect(events.body.map((e: { from: string; to: string }) => `${e.from}>${e.to}`)).toEqual([
      'draft>submitted',
      'submitted>accepted',
      'accepted>assessment-scheduled',
      'assessment-scheduled>assessed',
      'assessed>publicized',
      'publicized>approved',
      'approved>objection-filed',
      'objection-filed>reassessed',
      'reassessed>approved',
    ]);
    const objection = events.body[6];
    expect(objection).toMatchObject({ move: 'object', actorRole: 'resident', reason: '老人情况比评估时更重' });
    expect(objection.at).toBe(t.now().toISOString());
    expect(events.body[3].data).toEqual({ grade: 'severe-2' });
  });

  it('puts a WeChat subscription message in the inbox at every change', async () => {
    const id = await applicationIn(t, tokens, 'approved', { name: '一个名字非常非常长的参保老人家的名字' });
    const res = await t.http.get('/api/v1/inbox').set(bearer(tokens.resident));
    expect(res.status).toBe(200);
    const mine = res.body.filter((m: { applicationId: string }) => m.applicationId === id);
    expect(mine).toHaveLength(6);
    for (const m of mine) {
      expect(m.templateId).toEqual(expect.any(String));
      // The mini-program's application page (miniapp/src/apply/detail), which a tap on the message opens.
      expect(m.page).toBe(`apply/detail/index?id=${id}`);
      expect(Object.keys(m.data).sort()).toEqual(['phrase2', 'thing1', 'thing4', 'time3']);
      expect(Array.from(m.data.thing1.value as string).length).toBeLessThanOrEqual(20);
      expect(Array.from(m.data.thing4.value as string).length).toBeLessThanOrEqual(20);
      expect(Array.from(m.data.phrase2.value as string).length).toBeLessThanOrEqual(5);
      expect(m.data.time3.value).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
    }
    expect(mine[0].data.phrase2.value).toBe('已核准');
    // The decision is made on the test's clock (the day after the first test's publicity).
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(t.now()).split('-');
    expect(mine[0].data.time3.value).toMatch(new RegExp(`^${y}年${m}月${d}日 10:0\\d$`));
    // Other people's messages stay with them.
    const other = await t.http.get('/api/v1/inbox').set(bearer(tokens['community-worker']));
    expect(other.body.filter((m: { applicationId: string }) => m.applicationId === id)).toEqual([]);
    const read = await t.http.post(`/api/v1/inbox/${mine[0].id}/read`).set(bearer(tokens.resident));
    expect(read.status).toBe(204);
    const foreign = await t.http.post(`/api/v1/inbox/${mine[0].id}/read`).set(bearer(tokens['community-worker']));
    expect(foreign.status).toBe(404);
  });

  it('returns a submission for materials, back to a draft the family can edit and submit again', async () => {
    const id = await applicationIn(t, tokens, 'returned');
    const app = await get(tokens.resident, id);
    expect(app.body.allowedMoves).toEqual(['revise']);
    const refused = await t.http
      .patch(`/api/v1/applications/${id}`)
      .set(bearer(tokens.resident))
      .send({ description: 'x' });
    expect(refused.status).toBe(409);
    expect((await move(t, tokens.resident, id, { move: 'revise' })).body.state).toBe('draft');
    expect(
      (
        await t.http
          .patch(`/api/v1/applications/${id}`)
          .set(bearer(tokens.resident))
          .send({ description: '补充了病历' })
      ).status,
    ).toBe(200);
    expect((await move(t, tokens.resident, id, { move: 'submit' })).body.state).toBe('submitted');
  });

  it('lets the family object during the publicity, and reject after a reassessment is final', async () => {
    const id = await applicationIn(t, tokens, 'publicized');
    expect((await move(t, tokens['resident'], id, moveBody('object'))).body.state).toBe('objection-filed');
    expect((await move(t, tokens.officer, id, moveBody('reassess'))).body.state).toBe('reassessed');
    const rejected = await move(t, tokens.officer, id, moveBody('reject'));
    expect(rejected.body.state).toBe('rejected');
    expect(rejected.body.objectionDeadline).toBeNull();
    const again = await move(t, tokens.resident, id, moveBody('object'));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('objection-used');
    expectErrorShape(again.body);
  });

  it('lets only one of two simultaneous moves through', async () => {
    const id = await applicationIn(t, tokens, 'submitted');
    const [a, b] = await Promise.all([
      move(t, tokens.officer, id, { move: 'accept' }),
      move(t, tokens.officer, id, { move: 'return', reason: '缺少身份证照片' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await t.http.get(`/api/v1/applications/${id}/events`).set(bearer(tokens.officer));
    expect(events.body.filter((e: { from: string }) => e.from === 'submitted')).toHaveLength(1);
  });

  it('allows one open application per person', async () => {
    const person = await addPerson(t, tokens.resident);
    await addDraft(t, tokens.resident, person.id);
    const second = await t.http.post('/api/v1/applications').set(bearer(tokens.resident)).send({ personId: person.id });
    expect(second.status).toBe(409);
    expectErrorShape(second.body);
  });

  it('needs a care mode and an address before submitting', async () => {
    const person = await addPerson(t, tokens.resident);
    const created = await t.http
      .post('/api/v1/applications')
      .set(bearer(tokens.resident))
      .send({ personId: person.id });
    const res = await move(t, tokens.resident, created.body.id, { move: 'submit' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['careMode']);
  });
});

describe('refused moves', () => {
  const cases: [ApplicationState, string][] = [];
  for (const state of APPLICATION_STATES) {
    for (const id of MOVE_IDS) {
      if (!(MOVES[id] as Move).from.includes(state)) cases.push([state, id]);
    }
  }
  const inState = new Map<ApplicationState, string>();
  beforeAll(async () => {
    for (const state of APPLICATION_STATES) inState.set(state, await applicationIn(t, tokens, state));
  });

  it.each(cases)('in %s refuses %s with 409 and leaves the state alone', async (state, id) => {
    const appId = inState.get(state)!;
    const res = await move(t, tokens[actorOf(id as never)], appId, moveBody(id as never));
    expect(res.status).toBe(409);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('invalid-move');
    expect((await get(tokens.officer, appId)).body.state).toBe(state);
  });

  const wrongRole: [string, Role][] = [];
  for (const id of MOVE_IDS) {
    for (const role of ['resident', 'community-worker', 'officer'] as Role[]) {
      if (!(MOVES[id] as Move).roles.includes(role)) wrongRole.push([id, role]);
    }
  }
  it.each(wrongRole)('refuses %s by a %s with 403', async (id, role) => {
    const from = (MOVES[id as keyof typeof MOVES] as Move).from[0];
    // The community worker reaches the family's applications only with consent: give them one of their own.
    const appId = role === 'community-worker' ? await applicationForWorker(from) : inState.get(from)!;
    const res = await move(t, tokens[role], appId, moveBody(id as never));
    expect(res.status).toBe(403);
    expectErrorShape(res.body);
  });

  it.each(['agent', 'admin'] as Role[])('refuses every move by an %s with 403', async (role) => {
    for (const id of MOVE_IDS) {
      const res = await move(t, tokens[role], inState.get(MOVES[id].from[0])!, moveBody(id));
      expect(res.status).toBe(403);
    }
  });

  const missing: [string, string][] = [
    ['return', 'reason'],
    ['reject', 'reason'],
    ['object', 'reason'],
    ['assess', 'grade'],
    ['reassess', 'grade'],
    ['schedule', 'scheduledFor'],
  ];
  it.each(missing)('refuses %s without %s (400, naming the field)', async (id, field) => {
    const appId = inState.get((MOVES[id as keyof typeof MOVES] as Move).from[0])!;
    const body = moveBody(id as never);
    delete body[field];
    const res = await move(t, tokens[actorOf(id as never)], appId, body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it.each([
    ['an unknown move', { move: 'teleport' }, 'move'],
    ['an unknown grade', { move: 'assess', grade: 'severe-4' }, 'grade'],
    ['a bad date', { move: 'schedule', scheduledFor: '2026-02-30' }, 'scheduledFor'],
    ['a date in the past', { move: 'schedule', scheduledFor: '2026-05-19' }, 'scheduledFor'],
    ['an unknown field', { move: 'accept', note: 'x' }, ''],
  ])('refuses %s', async (_name, body, path) => {
    const state = body.move === 'assess' ? 'assessment-scheduled' : body.move === 'accept' ? 'submitted' : 'accepted';
    const res = await move(t, tokens.officer, inState.get(state)!, body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    if (path) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

async function applicationForWorker(state: ApplicationState): Promise<string> {
  const worker = tokens['community-worker'];
  const res = await t.http
    .post('/api/v1/persons')
    .set(bearer(worker))
    .send({
      name: '社区老人',
      idNumber: (await import('./helpers/fixtures')).newIdNumber(),
      region: 'wenzhou',
      district: 'lucheng',
      insurance: 'resident',
      phone: '13700000002',
      address: '鹿城区社区路2号',
      relationship: 'community-help',
      consent: { method: 'written', givenBy: '社区老人', givenAt: '2026-05-01T10:00:00+08:00' },
    });
  const draft = await addDraft(t, worker, res.body.id);
  const walk = (await import('./helpers/walk')).PATH_TO[state];
  for (const id of walk) {
    const role = actorOf(id) === 'resident' ? 'community-worker' : 'officer';
    await move(t, tokens[role], draft.id, moveBody(id));
  }
  return draft.id;
}

describe('the objection window (10 working days, wenzhou-2023 §三(三))', () => {
  // A decision on 2026-09-28: the count skips 国庆 2026-10-01..07 and counts the make-up Saturday 2026-10-10.
  const noticeDate = '2026-09-28';
  const deadline = objectionDeadline(noticeDate, 'wenzhou').deadline!;

  it('is computed by the rules module across the National Day holiday', () => {
    expect(deadline).toBe('2026-10-16');
  });

  async function decidedOn(date: string): Promise<string> {
    t.setNow(`${date}T02:00:00Z`);
    const id = await applicationIn(t, tokens, 'publicized');
    const res = await move(t, tokens.officer, id, { move: 'approve' });
    expect(res.body).toMatchObject({ noticeDate: date, objectionDeadline: deadline });
    return id;
  }

  it('accepts an objection on the last day, up to midnight in Shanghai', async () => {
    const id = await decidedOn(noticeDate);
    t.setNow('2026-10-16T15:59:00Z'); // 23:59 on 2026-10-16 in Shanghai
    expect((await get(tokens.resident, id)).body.allowedMoves).toEqual(['object']);
    const res = await move(t, tokens.resident, id, moveBody('object'));
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('objection-filed');
  });

  it('refuses an objection the day after, naming the date the window ended', async () => {
    const id = await decidedOn(noticeDate);
    t.setNow('2026-10-16T16:00:00Z'); // 00:00 on 2026-10-17 in Shanghai
    expect((await get(tokens.resident, id)).body.allowedMoves).toEqual([]);
    const res = await move(t, tokens.resident, id, moveBody('object'));
    expect(res.status).toBe(422);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('objection-window-closed');
    expect(res.body.error.message).toContain('2026年10月16日');
    // The length of the window is the rules module's, not a number typed in the server.
    expect(res.body.error.message).toContain(`${objectionDeadline(noticeDate, 'wenzhou').workingDays}个工作日`);
    expect(res.body.error.details).toEqual([{ path: 'move', message: '期限截至2026年10月16日' }]);
    expect((await get(tokens.resident, id)).body.state).toBe('approved');
  });

  it('counts down the working days left, skipping the holiday and counting the make-up Saturday', async () => {
    const id = await decidedOn(noticeDate);
    const left = async (iso: string) => {
      t.setNow(iso);
      return (await get(tokens.resident, id)).body.objectionWorkingDaysLeft;
    };
    // The notice day: the whole window (the rules' number of working days) is ahead.
    expect(await left('2026-09-28T02:00:00Z')).toBe(objectionDeadline(noticeDate, 'wenzhou').workingDays);
    expect(await left('2026-10-03T02:00:00Z')).toBe(8); // 10-08, 10-09, 10-10 (make-up), 10-12..16
    expect(await left('2026-10-09T02:00:00Z')).toBe(6);
    expect(await left('2026-10-16T02:00:00Z')).toBe(0); // today is the last day
    expect(await left('2026-10-17T02:00:00Z')).toBeNull();
  });

  it('tells the family the last day in the inbox', async () => {
    const id = await decidedOn(noticeDate);
    const inbox = await t.http.get('/api/v1/inbox').set(bearer(tokens.resident));
    const latest = inbox.body.find((m: { applicationId: string }) => m.applicationId === id);
    expect(latest.data.thing4.value).toContain('2026年10月16日');
  });

  it('tells the family, after the final decision, the month the benefit starts in words', async () => {
    t.setNow(`${noticeDate}T02:00:00Z`);
    const id = await applicationIn(t, tokens, 'reassessed');
    const res = await move(t, tokens.officer, id, { move: 'approve' });
    expect(res.status).toBe(200);
    expect(res.body.objectionDeadline).toBeNull();
    const inbox = await t.http.get('/api/v1/inbox').set(bearer(tokens.resident));
    const latest = inbox.body.find((m: { applicationId: string }) => m.applicationId === id);
    expect(latest.data.phrase2.value).toBe('已核准');
    expect(latest.data.thing4.value).toBe(`待遇自${chineseMonth(benefitStart(noticeDate, 'wenzhou').month)}起`);
    expect(latest.data.thing4.value).toBe('待遇自2026年10月起');
  });

  afterAll(() => t.setNow('2026-05-20T02:00:00Z'));
});

describe('drafts', () => {
  it('saves any field as the family types, and refuses bad values', async () => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    for (const body of [
      { careMode: 'family' },
      { visitAddress: '新地址' },
      { contactPhone: '13911112222' },
      { careMode: null },
    ]) {
      const res = await t.http.patch(`/api/v1/applications/${draft.id}`).set(bearer(tokens.resident)).send(body);
      expect(res.status).toBe(200);
    }
    const got = await get(tokens.resident, draft.id);
    expect(got.body).toMatchObject({ careMode: null, visitAddress: '新地址', contactPhone: '139****2222' });
    for (const body of [
      { careMode: 'spa' },
      { disabilityMonths: -1 },
      { disabilityMonths: 1.5 },
      { contactPhone: '123' },
      { state: 'approved' },
    ]) {
      const res = await t.http.patch(`/api/v1/applications/${draft.id}`).set(bearer(tokens.resident)).send(body);
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
    }
    const stranger = await signIn(t, '13698765432');
    expect(
      (await t.http.patch(`/api/v1/applications/${draft.id}`).set(bearer(stranger)).send({ visitAddress: 'x' })).status,
    ).toBe(404);
  });
});
