// Phone and id numbers in free text never reach the log: next to letters, after +86, spaced or dashed.
import { maskPersonalData } from '../src/lib/personal';
import { createLogger } from '../src/middleware/requestLogger';
import { bearer, createTestApp, signInAllRoles, type TestApp } from './helpers/app';
import { addDraft, addPerson } from './helpers/fixtures';
import type { Role } from '../src/lib/roles';

const CASES: [string, string][] = [
  ['+8613912345678', '+86139****5678'],
  ['电话8613912345678', '电话86139****5678'],
  ['ID330302194501011239', 'ID3303**********1239'],
  ['身份证33030219450101123X。', '身份证3303**********123X。'],
  ['139 1234 5678', '139****5678'],
  ['139-1234-5678', '139****5678'],
  ['+86 139 1234 5678', '+86 139****5678'],
  ['tel:13912345678,', 'tel:139****5678,'],
  ['3303 0219 4501 0112 39', '3303**********1239'],
];

describe('maskPersonalData', () => {
  it.each(CASES)('%s → %s', (raw, masked) => {
    expect(maskPersonalData(raw)).toBe(masked);
  });

  it('leaves other numbers alone: amounts, dates, instants, durations', () => {
    const text = '2026-05-20T02:00:00.000Z 312345分 12ms 1763884800000 id=cmwt0e465002dug7db124ctmq';
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('request logs', () => {
  let t: TestApp;
  let tokens: Record<Role, string>;
  beforeAll(async () => {
    t = await createTestApp();
    tokens = await signInAllRoles(t);
  });
  afterAll(() => t.close());

  it('mask numbers typed into free text fields', async () => {
    const person = await addPerson(t, tokens.resident);
    const draft = await addDraft(t, tokens.resident, person.id);
    const description = '女儿电话+8613912345678，儿子139 1234 5678，老人ID330302194501011239，邻居139-8765-4321';
    const res = await t.http
      .patch(`/api/v1/applications/${draft.id}`)
      .set(bearer(tokens.resident))
      .send({ description });
    expect(res.status).toBe(200);
    const log = t.logs.join('\n');
    expect(log).toContain('PATCH');
    for (const leaked of ['13912345678', '1234 5678', '330302194501011239', '8765-4321', '8765']) {
      expect(log).not.toContain(leaked);
    }
  });

  it('are one JSON object a line: time, level, request id, method, url, status, duration, the signed-in role', async () => {
    t.logs.length = 0;
    await t.http.get('/api/v1/applications').set(bearer(tokens.officer));
    await t.http.post('/api/v1/auth/codes').send({ phone: '12' });
    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', method: 'GET', url: '/api/v1/applications' });
    expect(lines[0]).toMatchObject({ status: 200, role: 'officer' });
    expect(typeof lines[0].req).toBe('string');
    expect(typeof lines[0].ms).toBe('number');
    expect(new Date(lines[0].time as string).toString()).not.toBe('Invalid Date');
    expect(lines[1]).toMatchObject({ status: 400, body: { phone: '**' } });
  });
});

describe('error log lines', () => {
  it('are JSON at level error, with the stack, masked', () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).error(undefined, new Error('row for 13912345678 failed'));
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 'error', msg: 'Error: row for 139****5678 failed' });
    expect(line.stack).toContain('log-masking.test.ts');
    expect(lines[0]).not.toContain('13912345678');
  });
});
