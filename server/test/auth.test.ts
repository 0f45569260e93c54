import { bearer, createTestApp, expectErrorShape, latestCode, signIn, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const codeFor = (phone: string) => t.http.post('/api/v1/auth/codes').send({ phone });
const session = (phone: string, code: string) => t.http.post('/api/v1/auth/sessions').send({ phone, code });
/** A code that is certainly not the one sent. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('sign-in by phone and one-time code', () => {
  it('sends a code to the dev outbox and signs a new phone in as a resident', async () => {
    const phone = '13912340001';
    const sent = await codeFor(phone);
    expect(sent.status).toBe(202);
    const outbox = await t.http.get('/api/v1/dev/sms-outbox').query({ phone });
    expect(outbox.status).toBe(200);
    expect(outbox.body[0].text).toMatch(/验证码是\d{6}/);
    const res = await session(phone, await latestCode(t, phone));
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ role: 'resident', phone: '139****0001' });
    const me = await t.http.get('/api/v1/me').set(bearer(res.body.token));
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('resident');
  });

  it('stores no code and no token in clear', async () => {
    const codes = await t.db.prisma.loginCode.findMany();
    for (const c of codes) expect(c.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const sessions = await t.db.prisma.session.findMany();
    for (const s of sessions) expect(s.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong code, and a code once used', async () => {
    const phone = '13912340002';
    t.advance(MINUTE);
    await codeFor(phone);
    const code = await latestCode(t, phone);
    const bad = await session(phone, wrong(code));
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
    expect(bad.body.error.code).toBe('invalid-code');
    expect((await session(phone, code)).status).toBe(201);
    const again = await session(phone, code);
    expect(again.status).toBe(400);
    expectErrorShape(again.body);
  });

  it('refuses an expired code', async () => {
    const phone = '13912340003';
    t.advance(MINUTE);
    await codeFor(phone);
    const code = await latestCode(t, phone);
    t.advance(t.config.codeTtlMinutes * MINUTE + 1000);
    const res = await session(phone, code);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('code-expired');
    expectErrorShape(res.body);
  });

  it('limits code requests to one a minute and five an hour per phone', async () => {
    const phone = '13912340004';
    t.advance(MINUTE);
    expect((await codeFor(phone)).status).toBe(202);
    const tooSoon = await codeFor(phone);
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.body.error.code).toBe('rate-limited');
    expectErrorShape(tooSoon.body);
    for (let i = 1; i < t.config.codesPerHour; i++) {
      t.advance(MINUTE + 1000);
      expect((await codeFor(phone)).status).toBe(202);
    }
    t.advance(MINUTE + 1000);
    const hourly = await codeFor(phone);
    expect(hourly.status).toBe(429);
    expect(hourly.body.error.message).toMatch(/1小时/);
    t.advance(60 * MINUTE);
    expect((await codeFor(phone)).status).toBe(202);
  });

  it('locks a phone after five wrong codes, even for the right code, until the lock ends', async () => {
    const phone = '13912340005';
    t.advance(MINUTE);
    await codeFor(phone);
    const code = await latestCode(t, phone);
    for (let i = 1; i < t.config.maxWrongCodes; i++) {
      expect((await session(phone, wrong(code))).status).toBe(400);
    }
    const fifth = await session(phone, wrong(code));
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe('locked');
    expectErrorShape(fifth.body);
    const right = await session(phone, code);
    expect(right.status).toBe(429);
    expect((await codeFor(phone)).status).toBe(429);
    t.advance(t.config.lockMinutes * MINUTE + 1000);
    expect((await codeFor(phone)).status).toBe(202);
    expect((await session(phone, await latestCode(t, phone))).status).toBe(201);
  });

  it('expires sessions and signs out', async () => {
    const token = await signIn(t, '13912340006');
    expect((await t.http.get('/api/v1/me').set(bearer(token))).status).toBe(200);
    t.advance(t.config.sessionTtlMinutes * MINUTE + 1000);
    const expired = await t.http.get('/api/v1/me').set(bearer(token));
    expect(expired.status).toBe(401);
    expectErrorShape(expired.body);

    const fresh = await signIn(t, '13912340006');
    expect((await t.http.delete('/api/v1/auth/sessions/current').set(bearer(fresh))).status).toBe(204);
    expect((await t.http.get('/api/v1/me').set(bearer(fresh))).status).toBe(401);
  });

  it('refuses bad phone numbers and codes in the error shape', async () => {
    for (const body of [{ phone: '1380000000' }, { phone: '23800000000' }, { phone: 13800000001 }, {}]) {
      const res = await t.http.post('/api/v1/auth/codes').send(body);
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
      expect(res.body.error.details[0].path).toBe('phone');
    }
    const res = await session('13800000001', 'abc');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('code');
  });

  it('never writes a code or full phone into the log', async () => {
    const phone = '13912340007';
    t.advance(MINUTE);
    await codeFor(phone);
    const code = await latestCode(t, phone);
    await session(phone, code);
    const log = t.logs.join('\n');
    expect(log).not.toContain(phone);
    expect(log).not.toContain(`"${code}"`);
    expect(log).toContain('139****0007');
  });

  it('limits code requests per client address, whatever the phone', async () => {
    const small = await createTestApp({ config: { codesPerAddressPerHour: 3 } });
    try {
      const phones = ['13912349001', '13912349002', '13912349003', '13912349004'];
      const statuses = [];
      for (const phone of phones) statuses.push((await small.http.post('/api/v1/auth/codes').send({ phone })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      small.advance(60 * MINUTE + 1000);
      expect((await small.http.post('/api/v1/auth/codes').send({ phone: phones[3] })).status).toBe(202);
    } finally {
      await small.close();
    }
  });
});
