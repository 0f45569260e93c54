// Phone and id numbers in free text never reach the log: next to letters, after +86, spaced or dashed.
import { maskPersonalData } from '../src/lib/personal';
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
});
