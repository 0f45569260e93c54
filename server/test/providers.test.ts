// Designated providers over HTTP and a real SQLite file: search, sort, detail, create/edit by officers,
// provider accounts, and refusals for the wrong role and bad input.
import { modeName, offeredModes } from '@changhu/rules';
import { DEMO_PROVIDER_ACCOUNT, SAMPLE_PROVIDERS } from '../src/seed';
import { distanceMeters } from '../src/services/providers';
import type { Role } from '../src/lib/roles';
import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  t = await createTestApp();
  tokens = await signInAllRoles(t);
  tokens.provider = await signIn(t, DEMO_PROVIDER_ACCOUNT.phone);
});
afterAll(() => t.close());

const get = (path: string) => t.http.get(`/api/v1${path}`);

function providerBody(overrides: Record<string, unknown> = {}) {
  return {
    name: '示例·测试居家护理站',
    region: 'wenzhou',
    district: 'longwan',
    address: '温州市龙湾区测试路1号（示例地址）',
    lat: 27.93,
    lng: 120.81,
    phone: '0577-86666666',
    careModes: ['home'],
    capacity: 50,
    freePlaces: 10,
    items: [{ name: '助浴', unit: '次', priceFen: 7500 }],
    ...overrides,
  };
}

describe('the provider directory', () => {
  it('lists the seeded sample providers, all marked 示例, without sign-in', async () => {
    const res = await get('/providers');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(SAMPLE_PROVIDERS.length);
    for (const p of res.body) {
      expect(p.name.startsWith('示例·')).toBe(true);
      expect(p.isSample).toBe(true);
    }
  });

  it('filters by region, district, mode and text', async () => {
    const wz = await get('/providers?region=wenzhou');
    expect(wz.body.map((p: { region: string }) => p.region)).toEqual(wz.body.map(() => 'wenzhou'));
    expect(wz.body.length).toBe(SAMPLE_PROVIDERS.filter((p) => p.region === 'wenzhou').length);

    const lucheng = await get('/providers?region=wenzhou&district=lucheng');
    expect(lucheng.body.map((p: { id: string }) => p.id)).toEqual(['sample-wz-lucheng-home']);

    const institution = await get('/providers?mode=institution');
    expect(institution.body.length).toBeGreaterThan(0);
    for (const p of institution.body) expect(p.careModes).toContain('institution');

    const text = await get(`/providers?q=${encodeURIComponent('颐养')}`);
    expect(text.body.map((p: { id: string }) => p.id)).toEqual(['sample-wz-ouhai-institution']);
  });

  it('sorts by distance from a point (haversine), nearest first, with the distance in metres', async () => {
    const here = { lat: 28.0, lng: 120.65 };
    const res = await get(`/providers?lat=${here.lat}&lng=${here.lng}`);
    expect(res.status).toBe(200);
    const distances = res.body.map((p: { distanceMeters: number }) => p.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(res.body[0].id).toBe('sample-wz-lucheng-home');
    const seeded = SAMPLE_PROVIDERS.find((p) => p.id === 'sample-wz-lucheng-home')!;
    expect(res.body[0].distanceMeters).toBe(Math.round(distanceMeters(here, seeded)));
    // Hand-checked: 0.0146° of latitude and 0.0006° of longitude near 28°N ≈ 1.63 km.
    expect(res.body[0].distanceMeters).toBeGreaterThan(1600);
    expect(res.body[0].distanceMeters).toBeLessThan(1660);
  });

  it('sorts by free places and by rating', async () => {
    const free = await get('/providers?sort=free-places');
    const places = free.body.map((p: { freePlaces: number }) => p.freePlaces);
    expect(places).toEqual([...places].sort((a, b) => b - a));
    const rated = await get('/providers?sort=rating');
    expect(rated.status).toBe(200);
  });

  it('gives the detail: modes with their local names, hospital tier, capacity, posted items in fen', async () => {
    const res = await get('/providers/sample-jn-rencheng-hospital');
    expect(res.status).toBe(200);
    expect(res.body.hospitalTier).toBe(2);
    expect(res.body.careModes).toContain('medical-special');
    expect(res.body.careModeNames).toContain(modeName('jining', 'medical-special'));
    expect(res.body.items[0]).toEqual({ name: '医疗专护床日', unit: '天', priceFen: 15000 });
    expect(res.body.rating).toEqual({ average: null, count: 0 });
    const missing = await get('/providers/nope');
    expect(missing.status).toBe(404);
    expectErrorShape(missing.body);
  });

  it.each([
    ['sort by distance without a point', '/providers?sort=distance', 'lat'],
    ['a latitude without a longitude', '/providers?lat=28', 'lng'],
    ['an unknown mode', '/providers?mode=spa', 'mode'],
    ['an unknown region', '/providers?region=hangzhou', 'region'],
    ['a latitude out of range', '/providers?lat=95&lng=120', 'lat'],
  ])('refuses %s with 400', async (_name, path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });
});

describe('officers and admins keep the directory', () => {
  it('an officer registers a provider and edits it; the items are replaced as a whole', async () => {
    const created = await t.http.post('/api/v1/providers').set(bearer(tokens.officer)).send(providerBody());
    expect(created.status).toBe(201);
    expect(created.body.items).toEqual([{ name: '助浴', unit: '次', priceFen: 7500 }]);
    expect(created.body.isSample).toBe(false);
    const edited = await t.http
      .patch(`/api/v1/providers/${created.body.id}`)
      .set(bearer(tokens.admin))
      .send({ freePlaces: 3, items: [{ name: '生活照料', unit: '小时', priceFen: 4000 }] });
    expect(edited.status).toBe(200);
    expect(edited.body.freePlaces).toBe(3);
    expect(edited.body.items).toEqual([{ name: '生活照料', unit: '小时', priceFen: 4000 }]);
    const tooMany = await t.http
      .patch(`/api/v1/providers/${created.body.id}`)
      .set(bearer(tokens.officer))
      .send({ freePlaces: 51 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe('freePlaces');
  });

  it.each(['resident', 'community-worker', 'agent', 'provider'] as Role[])('refuses %s with 403', async (role) => {
    const res = await t.http.post('/api/v1/providers').set(bearer(tokens[role])).send(providerBody());
    expect(res.status).toBe(403);
    expectErrorShape(res.body);
    const edit = await t.http
      .patch('/api/v1/providers/sample-wz-lucheng-home')
      .set(bearer(tokens[role]))
      .send({ freePlaces: 1 });
    expect(edit.status).toBe(403);
  });

  it('refuses without sign-in with 401', async () => {
    const res = await t.http.post('/api/v1/providers').send(providerBody());
    expect(res.status).toBe(401);
  });

  const jinjiangOffers = offeredModes('jinjiang', '2026-05');
  it.each([
    ['a negative price', { items: [{ name: '助浴', unit: '次', priceFen: -100 }] }, 'items.0.priceFen'],
    ['a fractional price', { items: [{ name: '助浴', unit: '次', priceFen: 75.5 }] }, 'items.0.priceFen'],
    ['an unknown care mode', { careModes: ['spa'] }, 'careModes.0'],
    ['a mode the region does not offer', { careModes: ['community'] }, 'careModes.0'],
    [
      '医疗专护 without a hospital tier',
      { region: 'jining', district: 'rencheng', careModes: ['medical-special'] },
      'hospitalTier',
    ],
    [
      'a hospital tier of 4',
      { region: 'jining', district: 'rencheng', careModes: ['medical-special'], hospitalTier: 4 },
      'hospitalTier',
    ],
    ['a district of another region', { district: 'rencheng' }, 'district'],
    ['more free places than capacity', { freePlaces: 51 }, 'freePlaces'],
    ['a fractional capacity', { capacity: 10.5 }, 'capacity'],
    ['a bad phone', { phone: '12345' }, 'phone'],
    ['repeated modes', { careModes: ['home', 'home'] }, 'careModes'],
    ['an unknown field', { stars: 5 }, ''],
  ])('refuses %s with 400', async (_name, overrides, field) => {
    const res = await t.http.post('/api/v1/providers').set(bearer(tokens.officer)).send(providerBody(overrides));
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('invalid-input');
    if (field) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(jinjiangOffers).toContain('community');
  });

  it('admin opens a provider account; the phone comes back masked; a taken phone is 409', async () => {
    const res = await t.http
      .post('/api/v1/providers/sample-wz-ouhai-institution/accounts')
      .set(bearer(tokens.admin))
      .send({ phone: '13712340000', name: '瓯海护理院账号' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      role: 'provider',
      providerId: 'sample-wz-ouhai-institution',
      phone: '137****0000',
    });
    const token = await signIn(t, '13712340000');
    const me = await t.http.get('/api/v1/providers/sample-wz-ouhai-institution/ratings').set(bearer(token));
    expect(me.status).toBe(200);
    const other = await t.http.get('/api/v1/providers/sample-wz-lucheng-home/ratings').set(bearer(token));
    expect(other.status).toBe(404);
    const again = await t.http
      .post('/api/v1/providers/sample-wz-ouhai-institution/accounts')
      .set(bearer(tokens.admin))
      .send({ phone: '13712340000', name: '重复' });
    expect(again.status).toBe(409);
    const byOfficer = await t.http
      .post('/api/v1/providers/sample-wz-ouhai-institution/accounts')
      .set(bearer(tokens.officer))
      .send({ phone: '13712340001', name: '经办开户' });
    expect(byOfficer.status).toBe(403);
  });

  it('a provider account sees no applications and no persons it does not serve', async () => {
    const apps = await t.http.get('/api/v1/applications').set(bearer(tokens.provider));
    expect(apps.status).toBe(200);
    expect(apps.body).toEqual([]);
    const persons = await t.http.get('/api/v1/persons').set(bearer(tokens.provider));
    expect(persons.status).toBe(200);
    expect(persons.body).toEqual([]);
  });
});

describe('an empty position', () => {
  it('`lat=&lng=` is no position: no distances, sorted as without one', async () => {
    const empty = await t.http.get('/api/v1/providers?lat=&lng=');
    const none = await t.http.get('/api/v1/providers');
    expect(empty.status).toBe(200);
    expect(empty.body.map((p: { id: string }) => p.id)).toEqual(none.body.map((p: { id: string }) => p.id));
    expect(empty.body.every((p: { distanceMeters?: number | null }) => p.distanceMeters == null)).toBe(true);
    const half = await t.http.get('/api/v1/providers?lat=28&lng=');
    expect(half.status).toBe(400);
    expect(half.body.error.details[0].path).toBe('lng');
  });
});
