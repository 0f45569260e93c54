// Citations of what is attached to receiving care come from the rules' careConditions: a region's own
// document where it says so (changchun home care: jilin-2022), 'practice' with no citation elsewhere (wenzhou).
import type { Role } from '../src/lib/roles';
import { bearer, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
let changchunProvider: string;
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
  const p = await t.http
    .post('/api/v1/providers')
    .set(bearer(tokens.admin))
    .send({
      name: '测试·长春居家护理站',
      region: 'changchun',
      address: '长春市朝阳区测试路1号',
      lat: 43.88,
      lng: 125.32,
      phone: '0431-88886666',
      careModes: ['home'],
      capacity: 20,
      freePlaces: 20,
      items: [{ name: '生活照料', unit: '次', priceFen: 5000 }],
    });
  expect(p.status).toBe(201);
  changchunProvider = p.body.id;
});
afterAll(() => t.close());

async function suspensionEvent(benefitId: string) {
  const s = await t.http
    .post(`/api/v1/benefits/${benefitId}/suspensions`)
    .set(bearer(tokens.officer))
    .send({ reason: 'hospital-stay', from: '2026-06-10', to: '2026-06-12' });
  expect(s.status).toBe(201);
  const events = await t.http.get(`/api/v1/benefits/${benefitId}/events`).set(bearer(tokens.officer));
  return (events.body as { action: string; data: { basis: string; citations: unknown[] } }[]).find(
    (e) => e.action === 'suspend',
  )!;
}

describe('care conditions cite only a region’s own document', () => {
  it('a wenzhou home benefit: the suspension is practice, no jilin-2022 citation anywhere', async () => {
    const b = await benefitFor(t, tokens);
    const event = await suspensionEvent(b.id);
    expect(event.data).toMatchObject({ basis: 'practice', citations: [] });
    const view = (await t.http.get(`/api/v1/benefits/${b.id}`).set(bearer(tokens.officer))).body;
    expect(JSON.stringify(view)).not.toContain('jilin-2022');
    expect(view.conditions).toContainEqual(
      expect.objectContaining({ code: 'suspended-during-stay', basis: 'practice', cite: [] }),
    );
  });

  it('a changchun home benefit: the suspension cites jilin-2022 §(四)', async () => {
    const b = await benefitFor(t, tokens, {
      person: { region: 'changchun', district: undefined },
      providerId: changchunProvider,
    });
    const event = await suspensionEvent(b.id);
    expect(event.data).toMatchObject({ basis: 'rule', citations: [{ doc: 'jilin-2022', clause: '§(四)' }] });
    const view = (await t.http.get(`/api/v1/benefits/${b.id}`).set(bearer(tokens.officer))).body;
    expect(view.conditions).toContainEqual(
      expect.objectContaining({
        code: 'identity-check',
        basis: 'rule',
        cite: [{ doc: 'jilin-2022', clause: '§(九)' }],
      }),
    );
    // A visit there cites the identity check of jilin-2022 §(九).
    t.setNow('2026-06-25T02:00:00Z');
    const visit = await t.http
      .post(`/api/v1/benefits/${b.id}/service-records`)
      .set(bearer(tokens.officer))
      .send({
        workerName: '赵护理员',
        startAt: '2026-06-22T09:00:00+08:00',
        endAt: '2026-06-22T10:00:00+08:00',
        items: [{ name: '理发', minutes: 20, priceFen: 3000 }],
        identityChecked: true,
        identityMethod: 'id-card',
        selfPaidConsent: { givenBy: '本人', method: 'in-person' },
      });
    expect(visit.status).toBe(201);
    expect(visit.body.citations).toEqual([
      { doc: 'jilin-2022', clause: '§(九)' },
      { doc: 'jilin-2022', clause: '§(十)4' },
    ]);
  });
});
