// Free places over HTTP and a real SQLite file: a benefit (or a booked change) in a mode with residence
// (institution, medical-special, community) takes one of the provider's free places, a stop or a change away
// gives it back, never below 0 nor above the capacity; home and family care take none; no place left is 409.
import type { Role } from '../src/lib/roles';
import { bearer, expectErrorShape, type TestApp } from './helpers/app';
import { approvedApplication, benefitFor, benefitTestApp, HOME, INSTITUTION } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
});
afterAll(() => t.close());

const HOSPITAL = 'sample-jn-rencheng-hospital';
const COMMUNITY = 'sample-jj-community';
const JINING = { region: 'jining', district: 'rencheng', insurance: 'resident', address: '济宁市任城区测试路1号' };
const JINJIANG = { region: 'jinjiang', district: undefined, address: '晋江市测试街道1号' };

const post = (token: string, path: string, body: object) => t.http.post(`/api/v1${path}`).set(bearer(token)).send(body);
const freePlaces = async (id: string) => (await t.http.get(`/api/v1/providers/${id}`)).body.freePlaces as number;
const setFreePlaces = async (id: string, n: number) => {
  const res = await t.http.patch(`/api/v1/providers/${id}`).set(bearer(tokens.officer)).send({ freePlaces: n });
  expect(res.status).toBe(200);
};

describe('places at an institution', () => {
  let first: string;
  let waiting: string;
  let atHome: string;

  beforeAll(() => setFreePlaces(INSTITUTION, 1));

  it('an institution benefit takes the last free place', async () => {
    ({ id: first } = await benefitFor(t, tokens, { careMode: 'institution', providerId: INSTITUTION }));
    expect(await freePlaces(INSTITUTION)).toBe(0);
    const events = await t.http.get(`/api/v1/benefits/${first}/events`).set(bearer(tokens.officer));
    expect(events.body[0].data.placeTaken).toBe(INSTITUTION);
  });

  it('with no place left the next one is refused with 409 in plain Chinese, and the count stays at 0', async () => {
    waiting = await approvedApplication(t, tokens);
    const res = await post(tokens.officer, '/benefits', {
      applicationId: waiting,
      careMode: 'institution',
      providerId: INSTITUTION,
    });
    expect(res.status).toBe(409);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('no-free-place');
    expect(res.body.error.message).toContain('示例·瓯海颐养护理院');
    expect(res.body.error.message).toContain('没有空余名额');
    expect(res.body.error.details[0].path).toBe('providerId');
    expect(await freePlaces(INSTITUTION)).toBe(0);
    expect((await t.http.get('/api/v1/benefits?state=active').set(bearer(tokens.officer))).body).toHaveLength(1);
  });

  it('home care from the same provider takes no place', async () => {
    ({ id: atHome } = await benefitFor(t, tokens, { careMode: 'home', providerId: INSTITUTION }));
    expect(await freePlaces(INSTITUTION)).toBe(0);
  });

  it('stopping the benefit gives the place back', async () => {
    const res = await post(tokens.officer, `/benefits/${first}/stop`, { on: '2026-06-30', reason: '出院回家' });
    expect(res.status).toBe(200);
    expect(await freePlaces(INSTITUTION)).toBe(1);
  });

  it('a change to the institution takes the place when booked; replacing it before it starts gives it back', async () => {
    t.setNow('2026-06-10T02:00:00Z');
    const change = await post(tokens.officer, `/benefits/${atHome}/plan-changes`, { careMode: 'institution' });
    expect(change.status).toBe(200);
    expect(await freePlaces(INSTITUTION)).toBe(0);
    const refused = await post(tokens.officer, '/benefits', {
      applicationId: waiting,
      careMode: 'institution',
      providerId: INSTITUTION,
    });
    expect(refused.status).toBe(409);
    // The same booked mode and provider with other items: the place stays taken once.
    const items = await post(tokens.officer, `/benefits/${atHome}/plan-changes`, {
      careMode: 'institution',
      planItems: ['生活照料'],
    });
    expect(items.status).toBe(200);
    expect(await freePlaces(INSTITUTION)).toBe(0);
    const back = await post(tokens.officer, `/benefits/${atHome}/plan-changes`, { careMode: 'home' });
    expect(back.status).toBe(200);
    expect(await freePlaces(INSTITUTION)).toBe(1);
  });

  it('two families asking for the last place at once: one gets it, the other a 409, never below 0', async () => {
    const other = await approvedApplication(t, tokens);
    const [a, b] = await Promise.all(
      [waiting, other].map((applicationId) =>
        post(tokens.officer, '/benefits', { applicationId, careMode: 'institution', providerId: INSTITUTION }),
      ),
    );
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await freePlaces(INSTITUTION)).toBe(0);
    const holder = a.status === 201 ? a.body.id : b.body.id;
    const away = await post(tokens.officer, `/benefits/${holder}/plan-changes`, { careMode: 'home', providerId: HOME });
    expect(away.status).toBe(200);
    expect(await freePlaces(INSTITUTION)).toBe(1);
  });
});

describe('places of 医疗专护 and community care', () => {
  beforeAll(() => t.setNow('2026-05-20T02:00:00Z'));

  it('a 医疗专护 bed counts; a stop never raises the free places above the capacity', async () => {
    const before = await freePlaces(HOSPITAL);
    const b = await benefitFor(t, tokens, { person: JINING, careMode: 'medical-special', providerId: HOSPITAL });
    expect(await freePlaces(HOSPITAL)).toBe(before - 1);
    const capacity = (await t.http.get(`/api/v1/providers/${HOSPITAL}`)).body.capacity as number;
    await setFreePlaces(HOSPITAL, capacity);
    const stop = await post(tokens.officer, `/benefits/${b.id}/stop`, { on: '2026-06-30', reason: '转院' });
    expect(stop.status).toBe(200);
    expect(await freePlaces(HOSPITAL)).toBe(capacity);
  });

  it('a community care point with no free place refuses community care (409) but not home care', async () => {
    expect(await freePlaces(COMMUNITY)).toBe(0);
    const applicationId = await approvedApplication(t, tokens, { person: JINJIANG });
    const community = await post(tokens.officer, '/benefits', {
      applicationId,
      careMode: 'community',
      providerId: COMMUNITY,
    });
    expect(community.status).toBe(409);
    expect(community.body.error.code).toBe('no-free-place');
    const home = await post(tokens.officer, '/benefits', { applicationId, careMode: 'home', providerId: COMMUNITY });
    expect(home.status).toBe(201);
    expect(await freePlaces(COMMUNITY)).toBe(0);
  });
});
