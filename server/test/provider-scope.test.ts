// A provider sees only the clients its plan in force today (Asia/Shanghai) names: a booked future plan or a
// past one is not enough. A past provider keeps its own settlements and visits, not the person or the stays.
import type { Role } from '../src/lib/roles';
import { bearer, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp, HOME, INSTITUTION } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
let institution: string;
let benefitId: string;
let personId: string;
beforeAll(async () => {
  ({ t, tokens, otherProvider: institution } = await benefitTestApp());
  // Approved on 2026-05-20: home care at HOME from 2026-06.
  ({ id: benefitId, personId } = await benefitFor(t, tokens, {
    careMode: 'home',
    providerId: HOME,
    planItems: ['生活照料'],
  }));
});
afterAll(() => t.close());

const get = (token: string, path: string) => t.http.get(`/api/v1${path}`).set(bearer(token));
const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const ids = async (token: string, path: string) => ((await get(token, path)).body as { id: string }[]).map((x) => x.id);

async function sees(token: string): Promise<boolean[]> {
  return [
    (await get(token, `/benefits/${benefitId}`)).status === 200,
    (await get(token, `/persons/${personId}`)).status === 200,
    (await ids(token, '/benefits')).includes(benefitId),
    (await ids(token, '/persons')).includes(personId),
  ];
}

describe('provider scope follows the plan in force today', () => {
  let settlementId: string;
  let visitId: string;

  it('in June: HOME serves the person; INSTITUTION, booked from July, does not see them yet', async () => {
    t.setNow('2026-06-10T02:00:00Z');
    const change = await post(tokens.officer, `/benefits/${benefitId}/plan-changes`, {
      careMode: 'institution',
      providerId: INSTITUTION,
    });
    expect(change.status).toBe(200);
    expect(await sees(tokens.provider)).toEqual([true, true, true, true]);
    expect(await sees(institution)).toEqual([false, false, false, false]);
    const stay = await post(tokens.officer, `/benefits/${benefitId}/suspensions`, {
      reason: 'hospital-stay',
      from: '2026-06-12',
      to: '2026-06-14',
      note: '住院三天',
    });
    expect(stay.status).toBe(201);
  });

  it('HOME records its June visit and bill', async () => {
    t.setNow('2026-06-30T10:00:00Z');
    const v = await post(tokens.provider, `/benefits/${benefitId}/service-records`, {
      workerName: '赵护理员',
      startAt: '2026-06-22T09:00:00+08:00',
      endAt: '2026-06-22T10:30:00+08:00',
      items: [{ name: '生活照料', minutes: 40 }],
      identityChecked: true,
      identityMethod: 'social-security-card',
    });
    expect(v.status).toBe(201);
    visitId = v.body.id;
    // June's bill once June has ended (1 July in Shanghai).
    t.setNow('2026-06-30T16:00:00Z');
    const s = await post(tokens.provider, `/benefits/${benefitId}/settlements`, {
      month: '2026-06',
      monthlyBillFen: 300000,
    });
    expect(s.status).toBe(201);
    settlementId = s.body.id;
  });

  it('in September: INSTITUTION serves the person; HOME keeps only its own bill and visit', async () => {
    t.setNow('2026-09-15T02:00:00Z');
    expect(await sees(institution)).toEqual([true, true, true, true]);
    expect(await sees(tokens.provider)).toEqual([false, false, false, false]);
    expect((await get(tokens.provider, `/settlements/${settlementId}`)).status).toBe(200);
    expect(await ids(tokens.provider, '/settlements')).toContain(settlementId);
    expect((await get(tokens.provider, `/service-records/${visitId}`)).status).toBe(200);
    expect(await ids(tokens.provider, '/service-records')).toContain(visitId);
    // The stay notes are on the benefit, which HOME no longer reads.
    expect(JSON.stringify((await get(tokens.provider, `/settlements/${settlementId}`)).body)).not.toContain('住院三天');
    // INSTITUTION sees neither HOME's June bill nor its visit.
    expect((await get(institution, `/settlements/${settlementId}`)).status).toBe(404);
    expect((await get(institution, `/service-records/${visitId}`)).status).toBe(404);
  });

  it('a stopped benefit leaves the provider’s scope after the last day', async () => {
    const stop = await post(tokens.officer, `/benefits/${benefitId}/stop`, { on: '2026-09-20', reason: '本人搬走' });
    expect(stop.status).toBe(200);
    expect((await sees(institution))[0]).toBe(true);
    t.setNow('2026-09-21T02:00:00Z');
    expect(await sees(institution)).toEqual([false, false, false, false]);
  });
});
