// The development setup: the outbox shows one phone's latest message, to this machine only; the server
// refuses a wider address and warns at start; demo accounts are seeded only outside production.
import { loadConfig } from '../src/config';
import { devHostProblem, isLoopback, startupLines } from '../src/devSetup';
import { seed } from '../src/seed';
import { createTestApp, expectErrorShape, type TestApp } from './helpers/app';
import { createTestDb } from './helpers/db';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the dev SMS outbox', () => {
  it('needs a phone (400) and lists no other phone', async () => {
    const res = await t.http.get('/api/v1/dev/sms-outbox');
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });

  it('shows only that phone’s latest message', async () => {
    for (const phone of ['13912348801', '13912348802', '13912348801']) {
      t.advance(61_000);
      expect((await t.http.post('/api/v1/auth/codes').send({ phone })).status).toBe(202);
    }
    const res = await t.http.get('/api/v1/dev/sms-outbox').query({ phone: '13912348801' });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0].phone).toBe('13912348801');
    const latest = await t.db.prisma.smsMessage.findFirst({
      where: { phone: '13912348801' },
      orderBy: { createdAt: 'desc' },
    });
    expect(res.body[0].text).toBe(latest!.text);
    expect(JSON.stringify(res.body)).not.toContain('13912348802');
  });

  it('answers only this machine', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.20')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });
});

describe('starting the development setup', () => {
  const dev = loadConfig({ NODE_ENV: 'development' });
  const prod = loadConfig({ NODE_ENV: 'production' });

  it('refuses to listen beyond 127.0.0.1 unless in production', () => {
    expect(devHostProblem('127.0.0.1', dev)).toBeNull();
    expect(devHostProblem('0.0.0.0', dev)).toMatch(/development setup/);
    expect(devHostProblem('192.168.1.20', dev)).toMatch(/127\.0\.0\.1/);
    expect(devHostProblem('0.0.0.0', prod)).toBeNull();
  });

  it('prints a clear warning in development, none in production', () => {
    const lines = startupLines('127.0.0.1', 3000, '/tmp/x.db', dev);
    expect(lines.join('\n')).toMatch(/WARNING: development setup/);
    expect(lines.join('\n')).toContain('/api/v1/dev/sms-outbox?phone=');
    expect(startupLines('127.0.0.1', 3000, '/tmp/x.db', prod)).toHaveLength(1);
  });

  it('seeds demo accounts only when asked (not in production)', async () => {
    const db = await createTestDb();
    try {
      await seed(db.prisma, { demoAccounts: false });
      expect(await db.prisma.user.count()).toBe(0);
      expect(await db.prisma.person.count()).toBe(0);
      expect(await db.prisma.provider.count()).toBeGreaterThan(0);
      await seed(db.prisma);
      expect(await db.prisma.user.count({ where: { role: 'officer' } })).toBe(1);
    } finally {
      await db.cleanup();
    }
  });
});
