// The safeguards of an officer's day: a publicity with an end date the decision waits for (wenzhou-2023 §三(三)
// names 公示期, its length is set locally), a grade the region pays nothing for flagged when recorded, a
// month's split previewed before it is settled, a history that names the staff member; staff find a person by
// name, whole id number or whole phone.
import { eligibility } from '@changhu/rules';
import type { Role } from '../src/lib/roles';
import { bearer, DEMO_PHONE, expectErrorShape, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp } from './helpers/benefit';
import { addDraft, addPerson, move } from './helpers/fixtures';
import { addMaterial, applicationIn } from './helpers/walk';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
});
afterAll(() => t.close());

const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));
const post = (token: string, path: string, body: unknown) =>
  t.http
    .post(`/api/v1${path}`)
    .set(bearer(token))
    .send(body as object);

async function submitted(withMaterial: boolean): Promise<string> {
  const person = await addPerson(t, tokens.resident);
  const draft = await addDraft(t, tokens.resident, person.id);
  if (withMaterial) await addMaterial(t, tokens.resident, draft.id);
  expect((await move(t, tokens.resident, draft.id, { move: 'submit' })).status).toBe(200);
  return draft.id;
}

describe('the history', () => {
  it('names the staff member, the move and the states in words; an accept without materials is noted', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const id = await submitted(false);
    const view = (await get(tokens.officer, `/applications/${id}`)).body;
    expect(view.materialCount).toBe(0);
    expect(view.actions).toEqual([
      { move: 'accept', label: '受理', requires: ['reason'] },
      { move: 'return', label: '退回补充材料', requires: ['reason'] },
    ]);
    const bare = await move(t, tokens.officer, id, { move: 'accept' });
    expect(bare.status).toBe(400);
    expectErrorShape(bare.body);
    expect(bare.body.error.message).toContain('还没有上传任何材料');
    expect(bare.body.error.details).toEqual([{ path: 'reason', message: '没有材料时受理，请写明原因' }]);
    expect((await get(tokens.officer, `/applications/${id}`)).body.state).toBe('submitted');
    expect((await move(t, tokens.officer, id, { move: 'accept', reason: '材料已在窗口核验' })).status).toBe(200);
    const events = (await get(tokens.officer, `/applications/${id}/events`)).body;
    expect(events.at(-1)).toMatchObject({
      move: 'accept',
      moveLabel: '受理',
      fromName: '已提交',
      toName: '已受理',
      actorName: '周经办（示例）',
      data: { withoutMaterials: true },
      reason: '材料已在窗口核验',
    });
    // The family is not named by the server: the console shows them by their consent.
    expect(events[0]).toMatchObject({ move: 'submit', actorRole: 'resident', actorName: null });
  });
});

describe('accepting', () => {
  it('needs no reason when materials are uploaded', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const id = await submitted(true);
    const view = (await get(tokens.officer, `/applications/${id}`)).body;
    expect(view.actions[0]).toEqual({ move: 'accept', label: '受理', requires: [] });
    expect((await move(t, tokens.officer, id, { move: 'accept' })).status).toBe(200);
  });
});

describe('the grade', () => {
  it('cannot be recorded before the visit day; on the day it can', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const id = await submitted(true);
    expect((await move(t, tokens.officer, id, { move: 'accept' })).status).toBe(200);
    expect((await move(t, tokens.officer, id, { move: 'schedule', scheduledFor: '2026-05-22' })).status).toBe(200);
    const early = await move(t, tokens.officer, id, { move: 'assess', grade: 'severe-2' });
    expect(early.status).toBe(409);
    expectErrorShape(early.body);
    expect(early.body.error.message).toBe('上门评估安排在2026年5月22日，评估之后才能录入评估等级。');
    const view = (await get(tokens.officer, `/applications/${id}`)).body;
    expect(view.state).toBe('assessment-scheduled');
    expect(view.grade).toBeNull();
    expect(view.waitingFor).toBe('上门评估安排在2026年5月22日，评估之后才能录入评估等级。');
    expect(view.actions).toEqual([]);
    // 2026-05-21 evening in Shanghai is still the day before.
    t.setNow('2026-05-21T15:59:00Z');
    expect((await move(t, tokens.officer, id, { move: 'assess', grade: 'severe-2' })).status).toBe(409);
    t.setNow('2026-05-21T16:00:00Z');
    const onTheDay = await move(t, tokens.officer, id, { move: 'assess', grade: 'severe-2' });
    expect(onTheDay.status).toBe(200);
    expect(onTheDay.body.state).toBe('assessed');
  });

  it('a grade the region pays nothing for is flagged when recorded, with the words of the button', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const id = await applicationIn(t, tokens, 'assessment-scheduled');
    const res = await move(t, tokens.officer, id, { move: 'assess', grade: 'mild' });
    expect(res.status).toBe(200);
    const reason = eligibility({
      region: 'wenzhou',
      insurance: 'employee-retired',
      grade: 'mild',
      asOf: '2026-05-20',
    }).reasons.find((r) => r.code === 'grade-not-eligible')!.text;
    expect(res.body.gradeProblem).toContain(reason);
    expect(res.body.gradeProblem).toContain('请点“不予核准”');
    const events = (await get(tokens.officer, `/applications/${id}/events`)).body;
    expect(events.at(-1).data).toEqual({ grade: 'mild', gradeProblem: reason });
    // A grade the region pays is not flagged.
    const paid = await applicationIn(t, tokens, 'assessed');
    expect((await get(tokens.officer, `/applications/${paid}`)).body.gradeProblem).toBeNull();
  });
});

describe('the publicity', () => {
  it('needs its last day, not in the past', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const id = await applicationIn(t, tokens, 'assessed');
    const none = await move(t, tokens.officer, id, { move: 'publicize' });
    expect(none.status).toBe(400);
    expect(none.body.error.details.map((d: { path: string }) => d.path)).toEqual(['publicityEndsOn']);
    expect((await get(tokens.officer, `/applications/${id}`)).body.actions).toEqual([
      { move: 'publicize', label: '公示', requires: ['publicityEndsOn'] },
    ]);
    const past = await move(t, tokens.officer, id, { move: 'publicize', publicityEndsOn: '2026-05-19' });
    expect(past.status).toBe(400);
    expectErrorShape(past.body);
    expect(past.body.error.details.map((d: { path: string }) => d.path)).toEqual(['publicityEndsOn']);
  });

  it('holds the decision until its last day is over, both 核准 and 不予核准', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const id = await applicationIn(t, tokens, 'assessed');
    const res = await move(t, tokens.officer, id, { move: 'publicize', publicityEndsOn: '2026-05-26' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'publicized', publicityEndsOn: '2026-05-26' });
    expect(res.body.allowedMoves).toEqual([]);
    expect(res.body.waitingFor).toBe('公示期到2026年5月26日（含当天），公示结束后才能核准或不予核准。');
    const inbox = (await get(tokens.resident, '/inbox')).body.find(
      (m: { applicationId: string }) => m.applicationId === id,
    );
    expect(inbox.data.thing4.value).toBe('公示至2026年5月26日，可申请复评');

    t.setNow('2026-05-26T15:59:00Z'); // 23:59 on the last day in Shanghai
    for (const body of [{ move: 'approve' }, { move: 'reject', reason: '等级不符' }]) {
      const early = await move(t, tokens.officer, id, body);
      expect(early.status).toBe(409);
      expectErrorShape(early.body);
      expect(early.body.error.code).toBe('publicity-running');
      expect(early.body.error.message).toContain('2026年5月26日');
    }
    // The family may object during the publicity.
    expect((await get(tokens.resident, `/applications/${id}`)).body.allowedMoves).toEqual(['object']);

    t.setNow('2026-05-26T16:00:00Z'); // 00:00 the next day
    const open = (await get(tokens.officer, `/applications/${id}`)).body;
    expect(open.allowedMoves).toEqual(['approve', 'reject']);
    expect(open.waitingFor).toBeNull();
    const approved = await move(t, tokens.officer, id, { move: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.noticeDate).toBe('2026-05-27');
  });
});

describe('settling a month', () => {
  let benefitId: string;
  beforeAll(async () => {
    t.setNow('2026-05-20T02:00:00Z');
    benefitId = (await benefitFor(t, tokens)).id; // starts in June
  });

  it('previews the split without saving or telling anyone, then settles the same figures', async () => {
    t.setNow('2026-07-01T02:00:00Z');
    const inboxBefore = (await get(tokens.resident, '/inbox')).body.length;
    const body = { month: '2026-06', monthlyBillFen: 300000 };
    const preview = await post(tokens.officer, `/benefits/${benefitId}/settlements/preview`, body);
    expect(preview.status).toBe(200);
    expect(await t.db.prisma.settlement.count({ where: { benefitId } })).toBe(0);
    expect((await get(tokens.resident, '/inbox')).body.length).toBe(inboxBefore);
    expect(preview.body.fundPaysFen + preview.body.personPaysFen).toBe(300000);

    const settled = await post(tokens.officer, `/benefits/${benefitId}/settlements`, body);
    expect(settled.status).toBe(201);
    for (const k of ['fundPaysFen', 'personPaysFen', 'monthlyCapFen', 'daysCovered', 'eligibleCostFen', 'citations']) {
      expect([k, settled.body[k]]).toEqual([k, preview.body[k]]);
    }
    const again = await post(tokens.officer, `/benefits/${benefitId}/settlements/preview`, body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('settlement-exists');
    // Only those who enter bills preview them.
    expect((await post(tokens.agent, `/benefits/${benefitId}/settlements/preview`, body)).status).toBe(403);
  });
});

describe('finding a caller', () => {
  it('by name, whole id number, or whole phone of the person, a proxy or an application; masked for an agent', async () => {
    const person = await addPerson(t, tokens.resident, { name: '查找测试老人', phone: '13766660001' });
    const draft = await addDraft(t, tokens.resident, person.id);
    await t.http
      .patch(`/api/v1/applications/${draft.id}`)
      .set(bearer(tokens.resident))
      .send({ contactPhone: '13766660002' });
    const full = (await get(tokens.officer, `/persons/${person.id}`)).body.idNumber as string;
    const found = async (query: string) =>
      ((await get(tokens.agent, `/persons?${query}`)).body as { id: string }[]).map((p) => p.id);
    expect(await found(`q=${encodeURIComponent('查找测试')}`)).toEqual([person.id]);
    expect(await found(`idNumber=${full}`)).toEqual([person.id]);
    expect(await found('phone=13766660001')).toEqual([person.id]);
    expect(await found('phone=13766660002')).toEqual([person.id]);
    expect(await found(`phone=${DEMO_PHONE.resident}`)).toContain(person.id); // the family member calling
    expect(await found('phone=13766669999')).toEqual([]);
    const res = await get(tokens.agent, '/persons?phone=13766660001');
    expect(JSON.stringify(res.body)).not.toContain(full);
    expect(JSON.stringify(res.body)).not.toContain('13766660001');
    expect(res.body[0].phone).toBe('137****0001');
    const bad = await get(tokens.agent, '/persons?phone=12345');
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });
});
