// A family's or community worker's change of mode or provider is a request an officer confirms or declines
// (issue 12 §5), over HTTP and a real SQLite file; the officer's own change stays direct.
import type { Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp, HOME, INSTITUTION } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
let stranger: string;
let benefitId: string;
let personId: string;
beforeAll(async () => {
  ({ t, tokens, stranger } = await benefitTestApp());
  ({ id: benefitId, personId } = await benefitFor(t, tokens, { planItems: ['助浴'] }));
  const consent = await t.http.post(`/api/v1/persons/${personId}/consents`).set(bearer(tokens.officer)).send({
    granteePhone: '13800000002',
    relationship: 'community-help',
    method: 'written',
    givenBy: '测试老人',
    givenAt: '2026-05-19T10:00:00+08:00',
  });
  if (consent.status !== 201) throw new Error(`consent: ${consent.status} ${JSON.stringify(consent.body)}`);
  t.setNow('2026-06-10T02:00:00Z');
});
afterAll(() => t.close());

const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));
const freePlaces = async (id: string) => (await get(tokens.officer, `/providers/${id}`)).body.freePlaces as number;
const lastMessage = async () => (await get(tokens.resident, `/inbox?personId=${personId}`)).body[0];

interface Request {
  id: string;
  state: string;
  stateName: string;
  careMode: string;
  providerId: string;
  providerName: string;
  fromMonth: string | null;
  declineReason: string | null;
}

describe('the family asks, the officer decides', () => {
  let first: Request;

  it('a resident asks for the institution from next month: recorded as waiting, nothing booked yet', async () => {
    const places = await freePlaces(INSTITUTION);
    const res = await post(tokens.resident, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'institution',
      providerId: INSTITUTION,
      reason: '家里照顾不过来',
    });
    expect(res.status).toBe(200);
    expect(res.body.plans).toHaveLength(1);
    expect(res.body.current).toMatchObject({ careMode: 'home', providerId: HOME });
    expect(res.body.planRequests).toEqual([
      expect.objectContaining({
        careMode: 'institution',
        providerId: INSTITUTION,
        state: 'pending',
        stateName: '等待经办人员确认',
        reason: '家里照顾不过来',
        requestedByRole: 'resident',
        fromMonth: null,
        decidedAt: null,
      }),
    ]);
    first = res.body.planRequests[0];
    expect(first.providerName).toContain('瓯海');
    // The place is taken when the officer confirms, not on asking.
    expect(await freePlaces(INSTITUTION)).toBe(places);
    const msg = await lastMessage();
    expect(msg.data.phrase2.value).toBe('待确认');
    expect(msg.data.thing4.value).toMatch(/^申请2026年7月起改为/);
    // The community worker who helps the person sees the same request.
    const seen = await get(tokens['community-worker'], `/benefits/${benefitId}`);
    expect(seen.body.planRequests.map((r: Request) => r.state)).toEqual(['pending']);
  });

  it('a choice that cannot be made is refused at once with the field, and nothing is recorded', async () => {
    const res = await post(tokens.resident, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'institution',
      providerId: HOME,
    });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details[0].path).toBe('providerId');
    expect(res.body.error.message).toMatch(/不提供/);
    const same = await post(tokens.resident, `/benefits/${benefitId}/plan-changes`, { careMode: 'home' });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe('新的选择与现在的相同，不需要变更。');
    const b = (await get(tokens.resident, `/benefits/${benefitId}`)).body;
    expect(b.planRequests).toHaveLength(1);
  });

  it('only an officer decides: the family, agents and providers get 403, strangers 404', async () => {
    for (const role of ['resident', 'community-worker', 'agent', 'provider', 'admin'] as Role[]) {
      const res = await post(tokens[role], `/benefits/${benefitId}/plan-requests/${first.id}/confirm`, {});
      expect(res.status).toBe(403);
      const no = await post(tokens[role], `/benefits/${benefitId}/plan-requests/${first.id}/decline`, {
        reason: '不行',
      });
      expect(no.status).toBe(403);
    }
    expect((await post(stranger, `/benefits/${benefitId}/plan-changes`, { careMode: 'family' })).status).toBe(404);
    const unknown = await post(tokens.officer, `/benefits/${benefitId}/plan-requests/nosuchrequest0/confirm`, {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('没有找到这项变更申请。');
  });

  it('declining needs a reason the family can read; the family is told why', async () => {
    const empty = await post(tokens.officer, `/benefits/${benefitId}/plan-requests/${first.id}/decline`, {
      reason: '  ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0]).toMatchObject({ path: 'reason', message: '请填写原因' });
    const res = await post(tokens.officer, `/benefits/${benefitId}/plan-requests/${first.id}/decline`, {
      reason: '护理院暂无床位，请下月再申请',
    });
    expect(res.status).toBe(200);
    expect(res.body.planRequests[0]).toMatchObject({
      state: 'declined',
      stateName: '未通过',
      declineReason: '护理院暂无床位，请下月再申请',
    });
    expect(res.body.plans).toHaveLength(1);
    const msg = await lastMessage();
    expect(msg.data.phrase2.value).toBe('未通过');
    const again = await post(tokens.officer, `/benefits/${benefitId}/plan-requests/${first.id}/confirm`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('request-decided');
    expect(again.body.error.message).toContain('未通过');
  });

  it('a newer request replaces the one still waiting', async () => {
    const a = await post(tokens.resident, `/benefits/${benefitId}/plan-changes`, { careMode: 'family' });
    expect(a.status).toBe(200);
    const b = await post(tokens['community-worker'], `/benefits/${benefitId}/plan-changes`, {
      careMode: 'institution',
      providerId: INSTITUTION,
    });
    expect(b.status).toBe(200);
    expect(b.body.planRequests.map((r: Request) => r.state)).toEqual(['declined', 'replaced', 'pending']);
    expect(b.body.planRequests[2].requestedByRole).toBe('community-worker');
  });

  it('confirmed in the next month: booked from the month after the confirmation, the place taken then', async () => {
    t.setNow('2026-07-02T02:00:00Z');
    const places = await freePlaces(INSTITUTION);
    const pending = (await get(tokens.officer, `/benefits/${benefitId}`)).body.planRequests[2] as Request;
    const res = await post(tokens.officer, `/benefits/${benefitId}/plan-requests/${pending.id}/confirm`, {});
    expect(res.status).toBe(200);
    expect(res.body.planRequests[2]).toMatchObject({ state: 'confirmed', stateName: '已确认', fromMonth: '2026-08' });
    expect(res.body.plans.at(-1)).toMatchObject({
      fromMonth: '2026-08',
      careMode: 'institution',
      providerId: INSTITUTION,
      scheduled: true,
      planItems: ['助浴'],
    });
    expect(await freePlaces(INSTITUTION)).toBe(places - 1);
    const msg = await lastMessage();
    expect(msg.data.phrase2.value).toBe('已确认');
    expect(msg.data.thing4.value).toMatch(/^2026年8月起改为/);
    const events = (await get(tokens.resident, `/benefits/${benefitId}/events`)).body;
    expect(events.at(-1)).toMatchObject({
      action: 'change-plan',
      actorRole: 'officer',
      data: expect.objectContaining({ requestId: pending.id, requestedByRole: 'community-worker' }),
    });
    expect(events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['request-plan-change', 'decline-plan-change']),
    );
  });

  it("the officer's own change is booked at once (200) and leaves no request", async () => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'home',
      providerId: HOME,
    });
    expect(res.status).toBe(200);
    expect(res.body.plans.at(-1)).toMatchObject({ fromMonth: '2026-08', careMode: 'home', scheduled: true });
    expect(res.body.planRequests).toHaveLength(3);
  });
});
