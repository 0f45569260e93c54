import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';
import { addPerson, newIdNumber, personBody } from './helpers/fixtures';
import type { Role } from '../src/lib/roles';
import { createLogger, maskBody } from '../src/middleware/requestLogger';

let t: TestApp;
let tokens: Record<Role, string>;
let stranger: string;
beforeAll(async () => {
  t = await createTestApp();
  tokens = await signInAllRoles(t);
  stranger = await signIn(t, '13612345678');
});
afterAll(() => t.close());

const post = (token: string, body: unknown) =>
  t.http
    .post('/api/v1/persons')
    .set(bearer(token))
    .send(body as object);

describe('adding an insured person', () => {
  it('adds oneself without a consent record and answers with the id number masked', async () => {
    const idNumber = newIdNumber('19520101');
    const body = personBody({ idNumber, relationship: 'self', consent: undefined, phone: '13800000001' });
    const res = await post(tokens.resident, body);
    expect(res.status).toBe(201);
    expect(res.body.idNumberMasked).toBe(idNumber.slice(0, 4) + '*'.repeat(10) + idNumber.slice(-4));
    expect(res.body.birthDate).toBe('1952-01-01');
    expect(res.body.phone).toBe('138****0001');
    expect(JSON.stringify(res.body)).not.toContain(idNumber);
    expect(res.body.idNumber).toBeUndefined();
  });

  it('accepts a lowercase x check digit', async () => {
    let id = newIdNumber();
    while (!id.endsWith('X')) id = newIdNumber();
    const res = await post(tokens.resident, personBody({ idNumber: id.toLowerCase() }));
    expect(res.status).toBe(201);
    expect(res.body.idNumberMasked.endsWith('X')).toBe(true);
  });

  it('needs a recorded consent to act for someone else', async () => {
    const res = await post(tokens.resident, personBody({ consent: undefined }));
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('consent');
    const badMethod = await post(
      tokens.resident,
      personBody({ consent: { method: 'telepathy', givenBy: '某', givenAt: '2026-05-01T10:00:00+08:00' } }),
    );
    expect(badMethod.status).toBe(400);
    const selfMethod = await post(
      tokens.resident,
      personBody({ consent: { method: 'self', givenBy: '某', givenAt: '2026-05-01T10:00:00+08:00' } }),
    );
    expect(selfMethod.status).toBe(400);
  });

  it('records who consented, how and when', async () => {
    const p = await addPerson(t, tokens.resident, {
      consent: { method: 'phone-recorded', givenBy: '王大妈', givenAt: '2026-05-02T09:00:00+08:00' },
    });
    const res = await t.http.get(`/api/v1/persons/${p.id}/consents`).set(bearer(tokens.resident));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        method: 'phone-recorded',
        givenBy: '王大妈',
        givenAt: '2026-05-02T01:00:00.000Z',
        revokedAt: null,
      }),
    ]);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['a wrong check digit', { idNumber: '330302194503071230' }, 'idNumber'],
    ['a 17-digit id number', { idNumber: '33030219450307123' }, 'idNumber'],
    ['an impossible birth date', { idNumber: '330302194502301234' }, 'idNumber'],
    ['an unknown region', { region: 'hangzhou' }, 'region'],
    ['a district of another region', { district: 'rencheng' }, 'district'],
    ['an unknown district', { district: 'nowhere' }, 'district'],
    ['no district where the region has districts', { district: undefined }, 'district'],
    ['an unknown insurance type', { insurance: 'private' }, 'insurance'],
    ['a landline phone', { phone: '057788888888' }, 'phone'],
    ['a missing name', { name: '' }, 'name'],
    ['an unknown field', { nickname: '阿婆' }, ''],
    [
      'a consent dated in the future',
      { consent: { method: 'written', givenBy: '某', givenAt: '2027-01-01T10:00:00+08:00' } },
      'consent.givenAt',
    ],
    ['a bad consent date', { consent: { method: 'written', givenBy: '某', givenAt: '2026-13-01' } }, 'consent.givenAt'],
  ];
  it.each(bad)('refuses %s with 400 and the field', async (_name, overrides, path) => {
    const res = await post(tokens.resident, personBody(overrides));
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('invalid-input');
    if (path) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('names the known regions when the region is unknown', async () => {
    const res = await post(tokens.resident, personBody({ region: 'hangzhou' }));
    expect(res.body.error.details[0].message).toContain('wenzhou');
  });

  it('accepts a region with no districts without one', async () => {
    const res = await post(
      tokens.resident,
      personBody({ region: 'jinjiang', district: undefined, insurance: 'resident' }),
    );
    expect(res.status).toBe(201);
  });

  it('refuses the same id number twice, telling a stranger nothing about the person', async () => {
    const body = personBody();
    expect((await post(tokens.resident, body)).status).toBe(201);
    const again = await post(stranger, body);
    expect(again.status).toBe(409);
    expectErrorShape(again.body);
    expect(again.body.error.code).toBe('cannot-register-online');
    expect(again.body.error.message).not.toMatch(/已登记|已经登记|登记过/);
    expect(again.body.error.details).toEqual([]);
    // The proxy who registered them is told plainly.
    const mine = await post(tokens.resident, body);
    expect(mine.status).toBe(409);
    expect(mine.body.error.code).toBe('person-exists');
  });

  it('registers "self" only with the phone the account signed in with', async () => {
    const other = await post(stranger, personBody({ relationship: 'self', consent: undefined, phone: '13700000001' }));
    expect(other.status).toBe(400);
    expectErrorShape(other.body);
    expect(other.body.error.details.map((d: { path: string }) => d.path)).toContain('phone');
    const own = await post(stranger, personBody({ relationship: 'self', consent: undefined, phone: '13612345678' }));
    expect(own.status).toBe(201);
  });

  it('refuses staff roles acting as proxies (403)', async () => {
    for (const role of ['agent', 'officer', 'admin'] as const) {
      const res = await post(tokens[role], personBody());
      expect(res.status).toBe(403);
      expectErrorShape(res.body);
    }
  });
});

describe('who sees whom', () => {
  it('shows the full id number only to an officer opening one person', async () => {
    const idNumber = newIdNumber();
    const p = await addPerson(t, tokens.resident, { idNumber, phone: '13711112222' });
    const officer = await t.http.get(`/api/v1/persons/${p.id}`).set(bearer(tokens.officer));
    expect(officer.body.idNumber).toBe(idNumber);
    expect(officer.body.phone).toBe('13711112222');
    const officerList = await t.http.get('/api/v1/persons').set(bearer(tokens.officer));
    expect(JSON.stringify(officerList.body)).not.toContain(idNumber);
    for (const role of ['resident', 'agent', 'admin'] as const) {
      const res = await t.http.get(`/api/v1/persons/${p.id}`).set(bearer(tokens[role]));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(idNumber);
      expect(res.body.phone).toBe('137****2222');
    }
  });

  it('lets an agent find a caller by the whole id number, answering it masked', async () => {
    const idNumber = newIdNumber();
    const p = await addPerson(t, tokens.resident, { idNumber });
    const res = await t.http.get('/api/v1/persons').query({ idNumber }).set(bearer(tokens.agent));
    expect(res.status).toBe(200);
    expect(res.body.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect(JSON.stringify(res.body)).not.toContain(idNumber);
    const none = await t.http.get('/api/v1/persons').query({ idNumber }).set(bearer(stranger));
    expect(none.body).toEqual([]);
    const partial = await t.http
      .get('/api/v1/persons')
      .query({ idNumber: idNumber.slice(-4) })
      .set(bearer(tokens.agent));
    expect(partial.status).toBe(400);
    expect(t.logs.join('\n')).not.toContain(idNumber);
  });

  it('hides a person from a resident without consent (404, as if absent)', async () => {
    const p = await addPerson(t, tokens.resident);
    const res = await t.http.get(`/api/v1/persons/${p.id}`).set(bearer(stranger));
    expect(res.status).toBe(404);
    expectErrorShape(res.body);
    const missing = await t.http.get('/api/v1/persons/does-not-exist').set(bearer(stranger));
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(res.body);
    const list = await t.http.get('/api/v1/persons').set(bearer(stranger));
    expect(list.body.map((x: { id: string }) => x.id)).not.toContain(p.id);
    const patch = await t.http.patch(`/api/v1/persons/${p.id}`).set(bearer(stranger)).send({ address: '别处' });
    expect(patch.status).toBe(404);
  });

  it('lets a community worker see only the people who consented to their help', async () => {
    const p = await addPerson(t, tokens.resident);
    const before = await t.http.get(`/api/v1/persons/${p.id}`).set(bearer(tokens['community-worker']));
    expect(before.status).toBe(404);
    const seeded = await t.http.get('/api/v1/persons').set(bearer(tokens['community-worker']));
    expect(seeded.body.map((x: { name: string }) => x.name)).toEqual(['李建国（示例）']);

    const grant = await t.http.post(`/api/v1/persons/${p.id}/consents`).set(bearer(tokens.officer)).send({
      granteePhone: '13800000002',
      relationship: 'community-help',
      method: 'written',
      givenBy: '测试老人',
      givenAt: '2026-05-03T10:00:00+08:00',
    });
    expect(grant.status).toBe(201);
    expect(grant.body.granteePhone).toBe('138****0002');
    expect((await t.http.get(`/api/v1/persons/${p.id}`).set(bearer(tokens['community-worker']))).status).toBe(200);

    const revoke = await t.http.delete(`/api/v1/persons/${p.id}/consents/${grant.body.id}`).set(bearer(tokens.officer));
    expect(revoke.status).toBe(200);
    expect((await t.http.get(`/api/v1/persons/${p.id}`).set(bearer(tokens['community-worker']))).status).toBe(404);
  });

  it('puts a person a community worker registers into their community', async () => {
    const res = await post(tokens['community-worker'], personBody({ relationship: 'community-help' }));
    expect(res.status).toBe(201);
    expect(res.body.communityId).toBe('wz-lucheng-wuma');
    const self = await post(tokens['community-worker'], personBody({ relationship: 'self', consent: undefined }));
    expect(self.status).toBe(400);
  });

  it('lets a proxy correct the address and district, checked against the region', async () => {
    const p = await addPerson(t, tokens.resident);
    const ok = await t.http
      .patch(`/api/v1/persons/${p.id}`)
      .set(bearer(tokens.resident))
      .send({ district: 'ouhai', address: '瓯海区新地址' });
    expect(ok.status).toBe(200);
    expect(ok.body.districtName).toBe('瓯海区');
    const bad = await t.http.patch(`/api/v1/persons/${p.id}`).set(bearer(tokens.resident)).send({ district: 'qufu' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('district');
    const staff = await t.http.patch(`/api/v1/persons/${p.id}`).set(bearer(tokens.officer)).send({ address: 'x' });
    expect(staff.status).toBe(403);
  });
});

describe('personal data in logs', () => {
  it('masks id numbers and phones in the request log', async () => {
    const idNumber = newIdNumber();
    await addPerson(t, tokens.resident, { idNumber, phone: '13755556666' });
    const log = t.logs.join('\n');
    expect(log).not.toContain(idNumber);
    expect(log).not.toContain('13755556666');
    expect(log).toContain(idNumber.slice(0, 4) + '**********' + idNumber.slice(-4));
    expect(log).toContain('137****6666');
  });

  it('masks them in error logs and in any body shape', () => {
    const idNumber = newIdNumber();
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).error(
      { state: { requestId: 'r1' }, method: 'POST', path: '/api/v1/persons' } as never,
      new Error(`unique constraint on ${idNumber} / 13812345678`),
    );
    expect(lines.join('\n')).not.toContain(idNumber);
    expect(lines.join('\n')).not.toContain('13812345678');
    const masked = JSON.stringify(
      maskBody({
        contact: { idNumber, list: [`身份证${idNumber}`], mobile: '13812345678' },
        code: '123456',
        token: 'secret',
      }),
    );
    expect(masked).not.toContain(idNumber);
    expect(masked).not.toContain('13812345678');
    expect(masked).not.toContain('123456');
    expect(masked).not.toContain('secret');
  });
});

describe('changing the address', () => {
  it('an empty address is refused with a clear Chinese message, and nothing is lost', async () => {
    const p = await addPerson(t, tokens.resident);
    for (const address of ['', '   ']) {
      const res = await t.http.patch(`/api/v1/persons/${p.id}`).set(bearer(tokens.resident)).send({ address });
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
      expect(res.body.error.message).toContain('请填写居住地址');
    }
    const after = await t.http.get(`/api/v1/persons/${p.id}`).set(bearer(tokens.resident));
    expect(after.body.address).toBe('温州市鹿城区测试路1号');
  });
});
