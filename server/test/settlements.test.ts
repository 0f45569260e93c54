// Monthly settlements over HTTP and a real SQLite file: the bill split by the rules module, with the days
// covered after a suspension (part-month proration), the hospital tier from the provider, corrections with
// an audit, what the family sees month by month, and refusals.
import { estimate } from '@changhu/rules';
import type { Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
let stranger: string;
let otherProvider: string;
beforeAll(async () => {
  ({ t, tokens, stranger, otherProvider } = await benefitTestApp());
});
afterAll(() => t.close());

const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));

/** A benefit from an application approved on 2026-05-20 (first month 2026-06). */
async function benefit(person: Record<string, unknown>, grade: string, careMode: string, providerId: string) {
  t.setNow('2026-05-20T02:00:00Z');
  return benefitFor(t, tokens, { person, grade, careMode, providerId });
}

describe('a wenzhou severe-3 home-care benefit suspended 10 days of June (30 days)', () => {
  let benefitId: string;
  let settlementId: string;
  const bill = 350000;
  const sameInput = {
    region: 'wenzhou',
    district: 'lucheng',
    insurance: 'employee-retired',
    careMode: 'home',
    grade: 'severe-3',
    monthlyBillFen: bill,
    month: '2026-06',
    daysCovered: 20,
  };

  beforeAll(async () => {
    ({ id: benefitId } = await benefit({}, 'severe-3', 'home', 'sample-wz-lucheng-home'));
    const s = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'hospital-stay',
      from: '2026-06-11',
      to: '2026-06-20',
    });
    expect(s.status).toBe(201);
    t.setNow('2026-07-05T02:00:00Z');
  });

  it('the provider posts the bill; the split is the rules module’s own for 20 covered days', async () => {
    const res = await post(tokens.provider, `/benefits/${benefitId}/settlements`, {
      month: '2026-06',
      monthlyBillFen: bill,
    });
    expect(res.status).toBe(201);
    settlementId = res.body.id;
    const expected = estimate(sameInput, { today: '2026-07-05' });
    expect(res.body).toMatchObject({
      month: '2026-06',
      careMode: 'home',
      providerId: 'sample-wz-lucheng-home',
      monthlyBillFen: bill,
      daysCovered: 20,
      daysInMonth: 30,
      monthlyCapFen: expected.monthlyCapFen,
      proratedCapFen: expected.proratedCapFen,
      eligibleCostFen: expected.eligibleCostFen,
      fundRatio: expected.fundRatio,
      fundPaysFen: expected.fundPaysFen,
      personPaysFen: expected.personPaysFen,
      citations: expected.citations,
      enteredByRole: 'provider',
    });
    expect(res.body.notes.map((n: { code: string }) => n.code)).toEqual(expected.notes.map((n) => n.code));
    expect(res.body.notes.map((n: { code: string }) => n.code)).toContain('prorated');
    // Hand-checked: cap 298000 × 20 ÷ 30 = 198666.67 → 198667 fen; fund 80% = 158933.6 → 158934 fen.
    expect(res.body.proratedCapFen).toBe(198667);
    expect(res.body.eligibleCostFen).toBe(198667);
    expect(res.body.fundPaysFen).toBe(158934);
    expect(res.body.personPaysFen).toBe(bill - 158934);
    expect(res.body.citations).toContainEqual({ doc: 'wenzhou-2023', clause: '§四(四)' });
  });

  it('one settlement per benefit and month: a second bill is 409', async () => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/settlements`, {
      month: '2026-06',
      monthlyBillFen: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('settlement-exists');
    expectErrorShape(res.body);
    expect(res.body.error.message).toMatch(/^2026年6月的账单已经结算过/);
  });

  it('a correction replaces the bill, recomputes, and keeps the old values with the reason', async () => {
    const noReason = await t.http
      .put(`/api/v1/settlements/${settlementId}`)
      .set(bearer(tokens.officer))
      .send({ monthlyBillFen: 150000 });
    expect(noReason.status).toBe(400);
    const res = await t.http
      .put(`/api/v1/settlements/${settlementId}`)
      .set(bearer(tokens.officer))
      .send({ monthlyBillFen: 150000, reason: '机构重复计费，更正账单' });
    expect(res.status).toBe(200);
    const expected = estimate({ ...sameInput, monthlyBillFen: 150000 }, { today: '2026-07-05' });
    expect(res.body).toMatchObject({
      monthlyBillFen: 150000,
      eligibleCostFen: expected.eligibleCostFen,
      fundPaysFen: expected.fundPaysFen,
      personPaysFen: expected.personPaysFen,
      corrected: true,
      enteredByRole: 'officer',
    });
    // Under the prorated cap the whole bill is eligible: 80% of 150000 = 120000.
    expect(res.body.fundPaysFen).toBe(120000);
    const detail = await get(tokens.resident, `/settlements/${settlementId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.revisions).toEqual([
      expect.objectContaining({
        reason: '机构重复计费，更正账单',
        actorRole: 'officer',
        previous: expect.objectContaining({ monthlyBillFen: bill, fundPaysFen: 158934 }),
      }),
    ]);
  });

  it('a whole month without suspension is not prorated', async () => {
    t.setNow('2026-08-03T02:00:00Z');
    const res = await post(tokens.officer, `/benefits/${benefitId}/settlements`, {
      month: '2026-07',
      monthlyBillFen: bill,
    });
    expect(res.status).toBe(201);
    const expected = estimate({ ...sameInput, month: '2026-07', daysCovered: undefined }, { today: '2026-08-03' });
    expect(res.body).toMatchObject({ daysCovered: 31, fundPaysFen: expected.fundPaysFen, proratedCapFen: null });
    expect(res.body.notes.map((n: { code: string }) => n.code)).not.toContain('prorated');
  });

  it('the family sees every month: bill, fund share, own share and citations', async () => {
    const res = await get(tokens.resident, `/benefits/${benefitId}/settlements`);
    expect(res.status).toBe(200);
    expect(res.body.map((s: { month: string }) => s.month)).toEqual(['2026-06', '2026-07']);
    for (const s of res.body) {
      expect(Number.isInteger(s.monthlyBillFen)).toBe(true);
      expect(s.fundPaysFen + s.personPaysFen).toBe(s.monthlyBillFen);
      expect(s.citations.length).toBeGreaterThan(0);
      expect(s.notes.length).toBeGreaterThan(0);
    }
  });

  it('officers, agents and the provider see it; strangers and other providers do not', async () => {
    expect((await get(tokens.agent, `/benefits/${benefitId}/settlements`)).body).toHaveLength(2);
    expect(
      (await get(tokens.officer, '/settlements?providerId=sample-wz-lucheng-home')).body.length,
    ).toBeGreaterThanOrEqual(2);
    expect((await get(tokens.provider, '/settlements')).body.map((s: { benefitId: string }) => s.benefitId)).toContain(
      benefitId,
    );
    expect((await get(stranger, `/benefits/${benefitId}/settlements`)).status).toBe(404);
    expect((await get(stranger, `/settlements/${settlementId}`)).status).toBe(404);
    expect((await get(stranger, '/settlements')).body).toEqual([]);
    expect((await get(otherProvider, `/settlements/${settlementId}`)).status).toBe(404);
    expect((await get(otherProvider, '/settlements')).body).toEqual([]);
    expect((await get(tokens['community-worker'], `/settlements/${settlementId}`)).status).toBe(404);
  });

  it.each(['resident', 'community-worker', 'agent', 'admin'] as Role[])(
    'refuses %s entering a bill (403)',
    async (role) => {
      const res = await post(tokens[role], `/benefits/${benefitId}/settlements`, {
        month: '2026-05',
        monthlyBillFen: 1000,
      });
      expect(res.status).toBe(403);
      expectErrorShape(res.body);
      const put = await t.http
        .put(`/api/v1/settlements/${settlementId}`)
        .set(bearer(tokens[role]))
        .send({ monthlyBillFen: 1, reason: '试试' });
      expect(put.status).toBe(403);
    },
  );

  it('refuses another provider posting or correcting this client’s bill (404)', async () => {
    const res = await post(otherProvider, `/benefits/${benefitId}/settlements`, {
      month: '2026-07',
      monthlyBillFen: 1000,
    });
    expect(res.status).toBe(404);
    const put = await t.http
      .put(`/api/v1/settlements/${settlementId}`)
      .set(bearer(otherProvider))
      .send({ monthlyBillFen: 1, reason: '试试' });
    expect(put.status).toBe(404);
  });

  it.each([
    ['a negative bill', { month: '2026-05', monthlyBillFen: -1 }, 'monthlyBillFen'],
    ['a fractional bill', { month: '2026-05', monthlyBillFen: 1000.5 }, 'monthlyBillFen'],
    ['a bill in yuan text', { month: '2026-05', monthlyBillFen: '3500元' }, 'monthlyBillFen'],
    ['a missing bill', { month: '2026-05' }, 'monthlyBillFen'],
    ['a bad month', { month: '2026-13', monthlyBillFen: 1000 }, 'month'],
    ['a month before the benefit', { month: '2026-05', monthlyBillFen: 1000 }, 'month'],
    ['a future month', { month: '2026-09', monthlyBillFen: 1000 }, 'month'],
  ])('refuses %s (400)', async (_name, body, field) => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/settlements`, body);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('invalid-input');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });
});

describe('a jining 医疗专护 benefit takes the hospital tier from the provider', () => {
  it('splits the bill with the tier-2 ratio of the rules module', async () => {
    const b = await benefit(
      { region: 'jining', district: 'rencheng', insurance: 'resident', address: '济宁市任城区测试路1号' },
      'severe-1',
      'medical-special',
      'sample-jn-rencheng-hospital',
    );
    t.setNow('2026-07-05T02:00:00Z');
    const res = await post(tokens.officer, `/benefits/${b.id}/settlements`, {
      month: '2026-06',
      monthlyBillFen: 350000,
    });
    expect(res.status).toBe(201);
    const expected = estimate(
      {
        region: 'jining',
        district: 'rencheng',
        insurance: 'resident',
        careMode: 'medical-special',
        grade: 'severe-1',
        monthlyBillFen: 350000,
        month: '2026-06',
        hospitalTier: 2,
      },
      { today: '2026-07-05' },
    );
    expect(res.body).toMatchObject({
      fundPaysFen: expected.fundPaysFen,
      personPaysFen: expected.personPaysFen,
      fundRatio: expected.fundRatio,
      monthlyCapFen: expected.monthlyCapFen,
    });
    expect(res.body.citations).toEqual(expected.citations);
  });
});

describe('a suspension entered or ended after a month was settled settles that month again', () => {
  let benefitId: string;
  let personId: string;
  let june: { id: string; fundPaysFen: number; personPaysFen: number };
  const bill = 350000;
  const split = (month: string, daysCovered: number | undefined, today: string) =>
    estimate(
      {
        region: 'wenzhou',
        district: 'lucheng',
        insurance: 'employee-retired',
        careMode: 'home',
        grade: 'severe-3',
        monthlyBillFen: bill,
        month,
        daysCovered,
      },
      { today },
    );
  const revisions = async (id: string) => (await get(tokens.resident, `/settlements/${id}`)).body.revisions;

  beforeAll(async () => {
    ({ id: benefitId, personId } = await benefit({}, 'severe-3', 'home', 'sample-wz-lucheng-home'));
    t.setNow('2026-07-03T02:00:00Z');
    const res = await post(tokens.provider, `/benefits/${benefitId}/settlements`, {
      month: '2026-06',
      monthlyBillFen: bill,
    });
    expect(res.status).toBe(201);
    june = res.body;
    expect(res.body.daysCovered).toBe(30);
  });

  it('a hospital stay in June entered in July corrects June as a revision with the reason, old values kept', async () => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'hospital-stay',
      from: '2026-06-21',
      to: '2026-06-30',
    });
    expect(res.status).toBe(201);
    const expected = split('2026-06', 20, '2026-07-03');
    const family = await get(tokens.resident, `/benefits/${benefitId}/settlements`);
    expect(family.body[0]).toMatchObject({
      id: june.id,
      monthlyBillFen: bill,
      daysCovered: 20,
      proratedCapFen: expected.proratedCapFen,
      fundPaysFen: expected.fundPaysFen,
      personPaysFen: expected.personPaysFen,
      enteredByRole: 'provider',
      corrected: true,
    });
    expect(family.body[0].notes.map((n: { code: string }) => n.code)).toContain('prorated');
    expect(await revisions(june.id)).toEqual([
      expect.objectContaining({
        actorRole: 'officer',
        reason: expect.stringContaining('登记暂停（住院，2026年6月21日至2026年6月30日）'),
        previous: expect.objectContaining({ daysCovered: 30, fundPaysFen: june.fundPaysFen, monthlyBillFen: bill }),
      }),
    ]);
    const events = await get(tokens.officer, `/benefits/${benefitId}/events`);
    expect(events.body.at(-1).data.resettled).toEqual([{ settlementId: june.id, month: '2026-06' }]);
    const inbox = await get(tokens.resident, `/inbox?personId=${personId}`);
    expect(inbox.body.map((m: { data: { phrase4?: { value: string } } }) => m.data.phrase4?.value)).toContain('已更正');
  });

  it('a suspension of months not settled yet corrects nothing', async () => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'other',
      from: '2026-07-01',
      to: '2026-07-02',
    });
    expect(res.status).toBe(201);
    expect(await revisions(june.id)).toHaveLength(1);
  });

  it('an open stay from late July, then its end, corrects July each time', async () => {
    t.setNow('2026-08-03T02:00:00Z');
    const july = await post(tokens.officer, `/benefits/${benefitId}/settlements`, {
      month: '2026-07',
      monthlyBillFen: bill,
    });
    expect(july.status).toBe(201);
    expect(july.body.daysCovered).toBe(29);
    const open = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'hospital-stay',
      from: '2026-07-27',
    });
    expect(open.status).toBe(201);
    let detail = await get(tokens.resident, `/settlements/${july.body.id}`);
    expect(detail.body).toMatchObject({ daysCovered: 24, fundPaysFen: split('2026-07', 24, '2026-08-03').fundPaysFen });
    expect(detail.body.revisions).toHaveLength(1);
    // Home on 29 July: the 30th and 31st were covered after all.
    const suspensionId = open.body.suspensions.find((s: { from: string }) => s.from === '2026-07-27').id;
    const ended = await t.http
      .patch(`/api/v1/benefits/${benefitId}/suspensions/${suspensionId}`)
      .set(bearer(tokens.officer))
      .send({ to: '2026-07-29' });
    expect(ended.status).toBe(200);
    detail = await get(tokens.resident, `/settlements/${july.body.id}`);
    expect(detail.body).toMatchObject({ daysCovered: 26, fundPaysFen: split('2026-07', 26, '2026-08-03').fundPaysFen });
    expect(detail.body.revisions.map((r: { reason: string }) => r.reason)).toEqual([
      expect.stringContaining('登记暂停（住院，2026年7月27日至今）'),
      expect.stringContaining('暂停于2026年7月29日结束，2026年7月30日起恢复'),
    ]);
    expect(detail.body.revisions[1].previous).toMatchObject({ daysCovered: 24 });
    // June was not touched by the July stay.
    expect(await revisions(june.id)).toHaveLength(1);
  });

  it('a stop dated back into a settled month corrects it too', async () => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/stop`, { on: '2026-07-20', reason: '参保人去世' });
    expect(res.status).toBe(200);
    const months = await get(tokens.resident, `/benefits/${benefitId}/settlements`);
    const july = months.body.find((s: { month: string }) => s.month === '2026-07');
    expect(july).toMatchObject({ daysCovered: 18, fundPaysFen: split('2026-07', 18, '2026-08-03').fundPaysFen });
    expect((await revisions(july.id)).at(-1).reason).toContain('待遇于2026年7月20日终止');
  });
});
