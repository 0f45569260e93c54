// A benefit starts the month after approval, but not before the person's group is covered: Wenzhou
// city-district residents from 2024-01-01 (wenzhou-2023 §五(四)), county residents from 2025 (§一(三)).
// The approval, the benefit and the public date call all ask the rules with the person's insurance and district.
import { benefitStart } from '@changhu/rules';
import { bearer, createTestApp, signInAllRoles, type TestApp } from './helpers/app';
import { approvedApplication, HOME } from './helpers/benefit';
import type { Role } from '../src/lib/roles';

let t: TestApp;
let tokens: Record<Role, string>;

beforeAll(async () => {
  t = await createTestApp({ now: '2023-11-15T02:00:00Z', config: { sessionTtlMinutes: 365 * 24 * 60 } });
  tokens = await signInAllRoles(t);
});
afterAll(() => t.close());

describe('approved on 2023-11-15 in Wenzhou', () => {
  test.each([
    ['resident', 'lucheng', '2024-01'],
    ['employee', 'lucheng', '2023-12'],
  ])('a %s of %s: the application and the benefit start in %s', async (insurance, district, month) => {
    const consent = { method: 'in-person', givenBy: '测试老人', givenAt: '2023-11-01T10:00:00+08:00' };
    const person = { region: 'wenzhou', district, insurance, consent };
    const applicationId = await approvedApplication(t, tokens, { person });
    const app = await t.http.get(`/api/v1/applications/${applicationId}`).set(bearer(tokens.officer));
    expect(app.status).toBe(200);
    expect(app.body.benefitStartMonth).toBe(month);
    const res = await t.http
      .post('/api/v1/benefits')
      .set(bearer(tokens.officer))
      .send({ applicationId, careMode: 'home', providerId: HOME });
    expect(res.status).toBe(201);
    expect(res.body.startMonth).toBe(month);
    expect(res.body.current.fromMonth).toBe(month);
    const rules = benefitStart('2023-11-15', 'wenzhou', { insurance: insurance as 'resident', district });
    expect(res.body.citations).toEqual(expect.arrayContaining(rules.citations));
  });
});

describe('GET /deadlines/benefit-start with the optional person', () => {
  const get = (q: string) => t.http.get(`/api/v1/deadlines/benefit-start?${q}`);
  test.each([
    ['region=wenzhou&approvalDate=2023-11-15', '2023-12'],
    ['region=wenzhou&approvalDate=2023-11-15&insurance=resident&district=lucheng', '2024-01'],
    ['region=wenzhou&approvalDate=2024-01-10&insurance=resident&district=lucheng', '2024-02'],
    ['region=wenzhou&approvalDate=2024-06-10&insurance=resident&district=ruian', '2025-01'],
    ['region=wenzhou&approvalDate=2025-03-10&insurance=resident&district=ruian', '2025-04'],
    ['region=wenzhou&approvalDate=2023-11-15&insurance=employee', '2023-12'],
  ])('%s → %s', async (q, month) => {
    const res = await get(q);
    expect(res.status).toBe(200);
    expect(res.body.month).toBe(month);
  });
  test.each([
    ['region=wenzhou&approvalDate=2023-11-15&insurance=farmer', 'insurance'],
    ['region=wenzhou&approvalDate=2023-11-15&district=qufu', 'district'],
  ])('%s is a 400 naming %s', async (q, path) => {
    const res = await get(q);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid-input');
    expect(JSON.stringify(res.body.error.details)).toContain(path);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
