// Inbox notices of a benefit and its settlements over HTTP and a real SQLite file: created, plan change
// scheduled, suspended, resumed, settled, corrected, stopped; shaped as WeChat subscription messages within the
// field limits, amounts in the rules module's yuanText, read by every consented proxy and by no one else.
import { estimate, yuanText } from '@changhu/rules';
import type { Role } from '../src/lib/roles';
import { bearer, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
let stranger: string;
beforeAll(async () => {
  ({ t, tokens, stranger } = await benefitTestApp());
});
afterAll(() => t.close());

const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));

interface Message {
  id: string;
  templateId: string;
  page: string;
  applicationId: string | null;
  data: Record<string, { value: string }>;
}

/** The person's inbox as a proxy reads it, oldest first. */
async function inbox(token: string, personId: string): Promise<Message[]> {
  const res = await get(token, `/inbox?personId=${personId}`);
  expect(res.status).toBe(200);
  return (res.body as Message[]).reverse();
}

/** WeChat subscription limits: thing ≤ 20 characters, phrase ≤ 5, time 'YYYY年MM月DD日 HH:mm'. */
function expectWithinWechatLimits(m: Message): void {
  for (const [key, { value }] of Object.entries(m.data)) {
    if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
    if (key.startsWith('phrase')) expect(Array.from(value).length).toBeLessThanOrEqual(5);
    if (key.startsWith('time')) expect(value).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
    expect(value.length).toBeGreaterThan(0);
  }
}

describe('a benefit tells the person and every consented proxy', () => {
  let benefitId: string;
  let personId: string;
  let applicationId: string;
  let settlementId: string;
  const benefitMessages = async () =>
    (await inbox(tokens.resident, personId)).filter((m) => m.templateId === 'dev-benefit-status');

  beforeAll(async () => {
    // A long name: the thing values must still fit in 20 characters.
    const b = await benefitFor(t, tokens, { person: { name: '欧阳测试老人（一个很长的名字示例）' } });
    ({ id: benefitId, personId, applicationId } = b);
    // A second proxy: the community worker, with the person's written consent.
    const consent = await post(tokens.officer, `/persons/${personId}/consents`, {
      granteePhone: '13800000002',
      relationship: 'community-help',
      method: 'written',
      givenBy: '欧阳测试老人',
      givenAt: '2026-05-19T10:00:00+08:00',
    });
    expect(consent.status).toBe(201);
  });

  it('on creation: the benefit template, the first month and the mode', async () => {
    const [created] = await benefitMessages();
    expect(created).toMatchObject({
      templateId: 'dev-benefit-status',
      page: `pages/benefit/detail/index?id=${benefitId}`,
      applicationId,
      data: {
        thing1: { value: expect.stringMatching(/^欧阳测试老人/) },
        phrase2: { value: '待遇已登记' },
        thing4: { value: expect.stringMatching(/^2026年6月起享受/) },
      },
    });
    expectWithinWechatLimits(created);
    // The name is shortened, not what the message is about.
    expect(created.data.thing1.value).toBe('欧阳测试老人（一个很长的名…的长护险待遇');
  });

  it('both proxies read the same messages; a stranger reads none', async () => {
    const family = await inbox(tokens.resident, personId);
    const worker = await inbox(tokens['community-worker'], personId);
    expect(worker.map((m) => m.id)).toEqual(family.map((m) => m.id));
    expect((await get(stranger, `/inbox?personId=${personId}`)).body).toEqual([]);
  });

  it('on a plan change: asked for, declined with the reason, asked again and confirmed, with the month', async () => {
    t.setNow('2026-06-10T02:00:00Z');
    const asked = await post(tokens.resident, `/benefits/${benefitId}/plan-changes`, { careMode: 'family' });
    expect(asked.status).toBe(200);
    let last = (await benefitMessages()).at(-1)!;
    expect(last.data.phrase2.value).toBe('待确认');
    expect(last.data.thing4.value).toMatch(/^申请2026年7月起改为/);
    expectWithinWechatLimits(last);
    const declined = await post(
      tokens.officer,
      `/benefits/${benefitId}/plan-requests/${asked.body.planRequests[0].id}/decline`,
      { reason: '家庭护理需先参加护理培训' },
    );
    expect(declined.status).toBe(200);
    last = (await benefitMessages()).at(-1)!;
    expect(last.data.phrase2.value).toBe('未通过');
    expect(last.data.thing4.value).toMatch(/^变更申请未通过：家庭护理/);
    expectWithinWechatLimits(last);
    const again = await post(tokens['community-worker'], `/benefits/${benefitId}/plan-changes`, { careMode: 'family' });
    expect(again.status).toBe(200);
    const confirmed = await post(
      tokens.officer,
      `/benefits/${benefitId}/plan-requests/${again.body.planRequests[1].id}/confirm`,
      {},
    );
    expect(confirmed.status).toBe(200);
    last = (await benefitMessages()).at(-1)!;
    expect(last.data.phrase2.value).toBe('已确认');
    expect(last.data.thing4.value).toMatch(/^2026年7月起改为/);
    expectWithinWechatLimits(last);
  });

  it('on a suspension (open, then a closed one) and on resuming', async () => {
    const open = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'institution-stay',
      from: '2026-06-15',
    });
    expect(open.status).toBe(201);
    let last = (await benefitMessages()).at(-1)!;
    // Entered on 06-10 for a stay from 06-15: recorded ahead, not yet suspended.
    expect(last.data).toMatchObject({
      phrase2: { value: '登记暂停' },
      thing4: { value: '入住机构接受照护，2026年6月15日起' },
    });
    const resumed = await t.http
      .patch(`/api/v1/benefits/${benefitId}/suspensions/${open.body.suspensions[0].id}`)
      .set(bearer(tokens.officer))
      .send({ to: '2026-06-18' });
    expect(resumed.status).toBe(200);
    last = (await benefitMessages()).at(-1)!;
    expect(last.data).toMatchObject({ phrase2: { value: '已恢复' }, thing4: { value: '2026年6月19日起恢复待遇' } });
    const closed = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'hospital-stay',
      from: '2026-06-01',
      to: '2026-06-03',
    });
    expect(closed.status).toBe(201);
    last = (await benefitMessages()).at(-1)!;
    expect(last.data).toMatchObject({ phrase2: { value: '登记暂停' }, thing4: { value: '住院6月1日至6月3日' } });
    for (const m of await benefitMessages()) expectWithinWechatLimits(m);
  });

  it('on a settlement: fund share and own share as yuan text', async () => {
    t.setNow('2026-07-03T02:00:00Z');
    const res = await post(tokens.provider, `/benefits/${benefitId}/settlements`, {
      month: '2026-06',
      monthlyBillFen: 312345,
    });
    expect(res.status).toBe(201);
    settlementId = res.body.id;
    const expected = estimate(
      {
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee-retired',
        careMode: 'home',
        grade: 'severe-3',
        monthlyBillFen: 312345,
        month: '2026-06',
        daysCovered: 23,
      },
      { today: '2026-07-03' },
    );
    expect(res.body.fundPaysFen).toBe(expected.fundPaysFen);
    const last = (await inbox(tokens['community-worker'], personId)).at(-1)!;
    expect(last).toMatchObject({
      templateId: 'dev-settlement-notice',
      page: `pages/settlement/detail/index?id=${settlementId}`,
      applicationId,
      data: {
        thing1: { value: '欧阳测试老人（一个…2026年6月护理费' },
        thing2: { value: `基金支付${yuanText(expected.fundPaysFen!)}` },
        thing3: { value: `个人负担${yuanText(expected.personPaysFen!)}` },
        phrase4: { value: '已结算' },
      },
    });
    expect(last.data.thing2.value).toMatch(/^基金支付[\d,]+\.\d{2}元$/);
    expectWithinWechatLimits(last);
  });

  it('on a correction: the new shares, marked corrected', async () => {
    const res = await t.http
      .put(`/api/v1/settlements/${settlementId}`)
      .set(bearer(tokens.officer))
      .send({ monthlyBillFen: 100000, reason: '机构账单录入有误' });
    expect(res.status).toBe(200);
    const last = (await inbox(tokens.resident, personId)).at(-1)!;
    expect(last.data).toMatchObject({
      thing2: { value: `基金支付${yuanText(res.body.fundPaysFen)}` },
      thing3: { value: `个人负担${yuanText(res.body.personPaysFen)}` },
      phrase4: { value: '已更正' },
    });
    expectWithinWechatLimits(last);
  });

  it('on a stop: the last day', async () => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/stop`, { on: '2026-07-31', reason: '迁出本统筹区' });
    expect(res.status).toBe(200);
    const last = (await benefitMessages()).at(-1)!;
    expect(last.data).toMatchObject({ phrase2: { value: '已终止' }, thing4: { value: '待遇享受至2026年7月31日' } });
    expect(JSON.stringify(last)).not.toContain('迁出');
  });

  it('a refused action tells no one', async () => {
    const before = (await inbox(tokens.resident, personId)).length;
    const res = await post(tokens.officer, `/benefits/${benefitId}/stop`, { on: '2026-08-01', reason: '重复' });
    expect(res.status).toBe(409);
    expect(await inbox(tokens.resident, personId)).toHaveLength(before);
  });
});
