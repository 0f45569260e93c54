// A fresh development install shows every console screen: the demo seed (seed.ts + seed-demo.ts), read over
// HTTP as the officer reads it, has applications at every state with waits of days, a benefit that started
// months ago with settled months and one ended month left to settle, a hospital stay, rated visits, a benefit
// approved today that starts next month, and every sample name marked 示例 exactly once.
import { APPLICATION_STATES } from '@changhu/rules';
import { seed } from '../src/seed';
import { createTestApp, DEMO_PHONE, signIn, type TestApp } from './helpers/app';

const DAY = 86_400_000;

interface Application {
  id: string;
  state: string;
  submittedAt: string | null;
  scheduledFor: string | null;
  publicityEndsOn: string | null;
  waitingFor: string | null;
  person: { name: string };
  actions: { move: string; label: string }[];
}
interface Benefit {
  id: string;
  state: string;
  startMonth: string;
  person: { name: string };
  suspensions: { reason: string; from: string; to: string | null }[];
}

describe('demo seed on a fresh install', () => {
  let t: TestApp;
  let token: string;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const thisMonth = today.slice(0, 7);
  const get = async <T>(route: string): Promise<T> => {
    const res = await t.http.get(`/api/v1${route}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body as T;
  };

  beforeAll(async () => {
    t = await createTestApp({ seed: false, now: new Date().toISOString() });
    const started = Date.now();
    await seed(t.db.prisma, { demoAccounts: true, config: t.config });
    // Seeding twice (every server start) adds nothing.
    await seed(t.db.prisma, { demoAccounts: true, config: t.config });
    expect(Date.now() - started).toBeLessThan(20_000);
    t.setNow(new Date());
    token = await signIn(t, DEMO_PHONE.officer);
  }, 60_000);
  afterAll(() => t.close());

  it('has applications at every state after the draft, none waiting for months', async () => {
    const all = await get<Application[]>('/applications');
    const states = new Set(all.map((a) => a.state));
    for (const s of APPLICATION_STATES.filter((x) => x !== 'draft')) expect([s, states.has(s)]).toEqual([s, true]);
    const undecided = all.filter((a) => !['approved', 'rejected'].includes(a.state) && a.submittedAt);
    for (const a of undecided) {
      const days = (Date.now() - Date.parse(a.submittedAt!)) / DAY;
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThan(45);
    }
    // The visit three days ahead, a publicity still running (the decision waits) and one that has ended.
    expect(all.some((a) => a.state === 'assessment-scheduled' && a.scheduledFor! > today)).toBe(true);
    const running = all.find((a) => a.state === 'publicized' && a.publicityEndsOn! >= today)!;
    expect(running.waitingFor).toMatch(/^公示期到.*公示结束后才能核准或不予核准。$/);
    expect(running.actions.map((x) => x.move)).not.toContain('approve');
    const ended = all.find((a) => a.state === 'publicized' && a.publicityEndsOn! < today)!;
    expect(ended.actions.map((x) => x.label)).toEqual(expect.arrayContaining(['核准', '不予核准']));
  });

  it('has a benefit that started months ago, with settled months, one ended month open, a stay and rated visits', async () => {
    const benefits = await get<Benefit[]>('/benefits');
    const long = benefits.find((b) => b.startMonth < thisMonth)!;
    expect(long).toBeDefined();
    const settled = await get<{ month: string; daysCovered: number; daysInMonth: number }[]>(
      `/benefits/${long.id}/settlements`,
    );
    expect(settled.length).toBeGreaterThanOrEqual(2);
    expect(settled.every((s) => s.month < thisMonth)).toBe(true);
    // The hospital stay shortens one settled month.
    expect(long.suspensions.some((s) => s.reason === 'hospital-stay' && s.to)).toBe(true);
    expect(settled.some((s) => s.daysCovered < s.daysInMonth)).toBe(true);
    // The last ended month is left for the officer to settle.
    const months = new Set(settled.map((s) => s.month));
    const [y, m] = thisMonth.split('-').map(Number);
    const lastEnded = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    expect(months.has(lastEnded)).toBe(false);
    const visits = await get<{ rating: { score: number } | null }[]>(`/benefits/${long.id}/service-records`);
    expect(visits.length).toBeGreaterThanOrEqual(6);
    expect(visits.filter((v) => v.rating).length).toBeGreaterThanOrEqual(5);
    const provider = await get<{ rating: { count: number } }>('/providers/sample-wz-lucheng-home');
    expect(provider.rating.count).toBeGreaterThanOrEqual(5);
  });

  it('has a benefit approved today that starts next month', async () => {
    const benefits = await get<Benefit[]>('/benefits');
    const future = benefits.filter((b) => b.startMonth > thisMonth);
    expect(future).toHaveLength(1);
    expect(future[0].state).toBe('active');
  });

  it('marks every sample person 示例 exactly once', async () => {
    const persons = await get<{ name: string; isSample: boolean }[]>('/persons');
    expect(persons.length).toBeGreaterThanOrEqual(13);
    for (const p of persons) {
      expect(p.isSample).toBe(true);
      expect(p.name.match(/示例/g)).toHaveLength(1);
    }
  });
});
