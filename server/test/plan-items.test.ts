// Plan items are the officer's: the family may only ask for another mode or provider from next month. Items
// live on each dated plan row, so a booked change of items applies at the month boundary, not at once.
import type { Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp, INSTITUTION } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
let benefitId: string;
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
  ({ id: benefitId } = await benefitFor(t, tokens, { planItems: ['助浴', '生活照料'] }));
  t.setNow('2026-06-10T02:00:00Z');
});
afterAll(() => t.close());

const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));
const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const visit = (day: string, name: string) => ({
  workerName: '赵护理员',
  startAt: `${day}T09:00:00+08:00`,
  endAt: `${day}T10:00:00+08:00`,
  items: [{ name, minutes: 40 }],
  identityChecked: true,
  identityMethod: 'social-security-card',
});

describe('who changes plan items', () => {
  it.each(['resident', 'community-worker'] as Role[])(
    'a %s cannot rewrite the items (403), nothing changes',
    async (role) => {
      const res = await post(tokens[role], `/benefits/${benefitId}/plan-changes`, { planItems: ['全部项目'] });
      expect(res.status).toBe(403);
      expectErrorShape(res.body);
      expect(res.body.error.message).toContain('经办人员');
      const withMode = await post(tokens[role], `/benefits/${benefitId}/plan-changes`, {
        careMode: 'family',
        planItems: ['全部项目'],
      });
      expect(withMode.status).toBe(403);
      const b = (await get(tokens.officer, `/benefits/${benefitId}`)).body;
      expect(b.planItems).toEqual(['助浴', '生活照料']);
      expect(b.plans).toHaveLength(1);
    },
  );

  it('the family may still ask for another mode or provider from next month; the items carry over', async () => {
    const asked = await post(tokens.resident, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'institution',
      providerId: INSTITUTION,
    });
    expect(asked.status).toBe(200);
    const res = await post(
      tokens.officer,
      `/benefits/${benefitId}/plan-requests/${asked.body.planRequests[0].id}/confirm`,
      {},
    );
    expect(res.status).toBe(200);
    expect(res.body.plans[1]).toMatchObject({ fromMonth: '2026-07', careMode: 'institution', scheduled: true });
    expect(res.body.plans[1].planItems).toEqual(['助浴', '生活照料']);
  });

  it('an officer books new items: they apply from the next month, not at once', async () => {
    const res = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, { planItems: ['康复训练'] });
    expect(res.status).toBe(200);
    expect(res.body.planItems).toEqual(['助浴', '生活照料']);
    expect(res.body.plans[0].planItems).toEqual(['助浴', '生活照料']);
    expect(res.body.plans[1]).toMatchObject({ fromMonth: '2026-07', planItems: ['康复训练'] });
    // A June visit is still judged by June's items.
    t.setNow('2026-06-20T10:00:00Z');
    const june = await post(tokens.provider, `/benefits/${benefitId}/service-records`, visit('2026-06-19', '助浴'));
    expect(june.status).toBe(201);
    expect(june.body.items[0].selfPaid).toBe(false);
    t.setNow('2026-07-02T02:00:00Z');
    const july = (await get(tokens.officer, `/benefits/${benefitId}`)).body;
    expect(july.planItems).toEqual(['康复训练']);
    expect(july.current).toMatchObject({ fromMonth: '2026-07', planItems: ['康复训练'] });
  });
});
