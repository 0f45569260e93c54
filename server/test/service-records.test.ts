// Service records over HTTP and a real SQLite file: visits with identity check and items, self-paid items
// beyond the plan with consent, no visits while suspended, one rating per visit feeding the provider's score,
// and who may record, read and rate.
import type { Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp, HOME } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
let stranger: string;
let otherProvider: string;
let benefitId: string;

const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));

beforeAll(async () => {
  ({ t, tokens, stranger, otherProvider } = await benefitTestApp());
  ({ id: benefitId } = await benefitFor(t, tokens, { grade: 'severe-3', planItems: ['助浴', '生活照料'] }));
  // In hospital from 10 to 19 June.
  const s = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
    reason: 'hospital-stay',
    from: '2026-06-10',
    to: '2026-06-19',
  });
  expect(s.status).toBe(201);
  t.setNow('2026-06-25T10:00:00Z');
});
afterAll(() => t.close());

function visit(overrides: Record<string, unknown> = {}) {
  return {
    workerName: '赵护理员',
    startAt: '2026-06-22T09:00:00+08:00',
    endAt: '2026-06-22T10:30:00+08:00',
    items: [
      { name: '助浴', minutes: 45 },
      { name: '生活照料', minutes: 40 },
    ],
    identityChecked: true,
    identityMethod: 'social-security-card',
    ...overrides,
  };
}

describe('recording a visit', () => {
  let recordId: string;

  it('the provider records who came, when, which items and how long, and the identity check', async () => {
    const res = await post(tokens.provider, `/benefits/${benefitId}/service-records`, visit());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      workerName: '赵护理员',
      date: '2026-06-22',
      startAt: '2026-06-22T01:00:00.000Z',
      totalMinutes: 85,
      identityChecked: true,
      identityMethod: 'social-security-card',
      providerId: HOME,
      selfPaidConsent: null,
      rating: null,
      items: [
        { name: '助浴', minutes: 45, selfPaid: false, priceFen: null },
        { name: '生活照料', minutes: 40, selfPaid: false, priceFen: null },
      ],
    });
    // A wenzhou benefit: no document of the region says it, so no jilin-2022 citation.
    expect(res.body.citations).toEqual([]);
    recordId = res.body.id;
  });

  it('items beyond the plan are self-paid and need the recorded consent of the person or guardian', async () => {
    const extra = {
      items: [
        { name: '助浴', minutes: 30 },
        { name: '理发', minutes: 20, priceFen: 3000 },
      ],
    };
    const without = await post(tokens.provider, `/benefits/${benefitId}/service-records`, visit(extra));
    expect(without.status).toBe(400);
    expectErrorShape(without.body);
    expect(without.body.error.details[0].path).toBe('selfPaidConsent');
    expect(without.body.error.message).toContain('理发');
    const withConsent = await post(
      tokens.provider,
      `/benefits/${benefitId}/service-records`,
      visit({ ...extra, selfPaidConsent: { givenBy: '张丽', method: 'in-person' } }),
    );
    expect(withConsent.status).toBe(201);
    expect(withConsent.body.items).toEqual([
      { name: '助浴', minutes: 30, selfPaid: false, priceFen: null },
      { name: '理发', minutes: 20, selfPaid: true, priceFen: 3000 },
    ]);
    expect(withConsent.body.selfPaidConsent).toEqual({ givenBy: '张丽', method: 'in-person' });
    expect(withConsent.body.citations).toEqual([]);
  });

  it('refuses a visit on a day of the hospital stay, or before the benefit starts (4xx)', async () => {
    const inHospital = await post(
      tokens.provider,
      `/benefits/${benefitId}/service-records`,
      visit({ startAt: '2026-06-15T09:00:00+08:00', endAt: '2026-06-15T10:30:00+08:00' }),
    );
    expect(inHospital.status).toBe(409);
    expect(inHospital.body.error.code).toBe('not-covered-day');
    expect(inHospital.body.error.message).toMatch(/^2026年6月15日这项待遇不在享受期内/);
    expect(inHospital.body.error.details).toEqual([{ path: 'startAt', message: '2026年6月15日不在享受期内' }]);
    const beforeStart = await post(
      tokens.officer,
      `/benefits/${benefitId}/service-records`,
      visit({ startAt: '2026-05-25T09:00:00+08:00', endAt: '2026-05-25T10:30:00+08:00' }),
    );
    expect(beforeStart.status).toBe(400);
    expect(beforeStart.body.error.message).toBe('待遇从2026年6月开始，2026年5月25日还没有待遇。');
  });

  it.each([
    ['no identity method when identity was checked', { identityMethod: undefined }, 'identityMethod'],
    ['an unknown identity method', { identityMethod: 'palm-reading' }, 'identityMethod'],
    ['a missing identity answer', { identityChecked: undefined }, 'identityChecked'],
    ['an end before the start', { endAt: '2026-06-22T08:00:00+08:00' }, 'endAt'],
    ['a time without a zone', { startAt: '2026-06-22 09:00' }, 'startAt'],
    ['an end in the future', { startAt: '2026-06-30T09:00:00+08:00', endAt: '2026-06-30T10:30:00+08:00' }, 'endAt'],
    ['fractional minutes', { items: [{ name: '助浴', minutes: 12.5 }] }, 'items.0.minutes'],
    ['no items', { items: [] }, 'items'],
    ['more minutes than the visit lasted', { items: [{ name: '助浴', minutes: 120 }] }, 'items'],
    ['a negative self-paid price', { items: [{ name: '理发', minutes: 10, priceFen: -5 }] }, 'items.0.priceFen'],
  ])('refuses %s (400)', async (_name, overrides, field) => {
    const res = await post(tokens.provider, `/benefits/${benefitId}/service-records`, visit(overrides));
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it.each(['resident', 'community-worker', 'agent', 'admin'] as Role[])(
    'refuses %s recording a visit (403)',
    async (role) => {
      const res = await post(tokens[role], `/benefits/${benefitId}/service-records`, visit());
      expect(res.status).toBe(403);
    },
  );

  it('refuses a provider that does not serve this person (404)', async () => {
    const res = await post(otherProvider, `/benefits/${benefitId}/service-records`, visit());
    expect(res.status).toBe(404);
    expectErrorShape(res.body);
  });

  it('the family, staff and the provider read the visits; strangers and other providers do not', async () => {
    const family = await get(tokens.resident, `/benefits/${benefitId}/service-records`);
    expect(family.status).toBe(200);
    expect(family.body).toHaveLength(2);
    expect((await get(tokens.agent, `/service-records/${recordId}`)).status).toBe(200);
    expect((await get(tokens.officer, `/service-records?providerId=${HOME}`)).body.length).toBeGreaterThanOrEqual(2);
    expect((await get(tokens.provider, '/service-records')).body).toHaveLength(2);
    expect((await get(stranger, `/service-records/${recordId}`)).status).toBe(404);
    expect((await get(stranger, `/benefits/${benefitId}/service-records`)).status).toBe(404);
    expect((await get(otherProvider, `/service-records/${recordId}`)).status).toBe(404);
    expect((await get(otherProvider, '/service-records')).body).toEqual([]);
    expect((await get(tokens['community-worker'], '/service-records')).body).toEqual([]);
  });

  describe('rating a visit', () => {
    it.each([
      ['a score of 0', { score: 0 }],
      ['a score of 6', { score: 6 }],
      ['a score of 4.5', { score: 4.5 }],
      ['a score as text', { score: '五星' }],
      ['no score', { comment: '很好' }],
      ['a very long comment', { score: 5, comment: '好'.repeat(201) }],
    ])('refuses %s (400)', async (_name, body) => {
      const res = await post(tokens.resident, `/service-records/${recordId}/rating`, body);
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
    });

    it.each(['agent', 'officer', 'admin', 'provider'] as Role[])('refuses %s rating (403)', async (role) => {
      const res = await post(tokens[role], `/service-records/${recordId}/rating`, { score: 5 });
      expect(res.status).toBe(403);
    });

    it('refuses a proxy without consent (404)', async () => {
      expect((await post(stranger, `/service-records/${recordId}/rating`, { score: 1 })).status).toBe(404);
      expect((await post(tokens['community-worker'], `/service-records/${recordId}/rating`, { score: 1 })).status).toBe(
        404,
      );
    });

    it('the family rates once; the provider’s score follows; a second rating is 409', async () => {
      const before = await t.http.get(`/api/v1/providers/${HOME}`);
      const res = await post(tokens.resident, `/service-records/${recordId}/rating`, {
        score: 4,
        comment: '护理员很耐心',
      });
      expect(res.status).toBe(201);
      expect(res.body.rating).toMatchObject({ score: 4, comment: '护理员很耐心' });
      const again = await post(tokens.resident, `/service-records/${recordId}/rating`, { score: 5 });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('already-rated');

      const records = await get(tokens.resident, `/benefits/${benefitId}/service-records`);
      const other = records.body.find((r: { id: string }) => r.id !== recordId);
      expect((await post(tokens.resident, `/service-records/${other.id}/rating`, { score: 1 })).status).toBe(201);

      const after = await t.http.get(`/api/v1/providers/${HOME}`);
      expect(after.body.rating.count).toBe(before.body.rating.count + 2);
      expect(after.body.rating).toEqual({ average: 2.5, count: 2 });
      const sorted = await t.http.get('/api/v1/providers?sort=rating&region=wenzhou');
      expect(sorted.body[0].id).toBe(HOME);

      const ratings = await get(tokens.officer, `/providers/${HOME}/ratings`);
      expect(ratings.status).toBe(200);
      expect(ratings.body.rating).toEqual({ average: 2.5, count: 2 });
      expect(ratings.body.ratings.map((r: { score: number }) => r.score).sort()).toEqual([1, 4]);
      expect(ratings.body.ratings[0].personName).toMatch(/^.\*+$/);
      expect((await get(tokens.resident, `/providers/${HOME}/ratings`)).status).toBe(403);
    });
  });
});
