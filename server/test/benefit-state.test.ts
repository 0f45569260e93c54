// The state a benefit shows follows the dates of its suspensions, read on the day asked (Asia/Shanghai).
import type { Role } from '../src/lib/roles';
import { bearer, type TestApp } from './helpers/app';
import { benefitFor, benefitTestApp } from './helpers/benefit';

let t: TestApp;
let tokens: Record<Role, string>;
beforeAll(async () => {
  ({ t, tokens } = await benefitTestApp());
});
afterAll(() => t.close());

const stateOf = async (id: string) =>
  (await t.http.get(`/api/v1/benefits/${id}`).set(bearer(tokens.officer))).body.state as string;
const listed = async (state: string) =>
  ((await t.http.get(`/api/v1/benefits?state=${state}`).set(bearer(tokens.officer))).body as { id: string }[]).map(
    (b) => b.id,
  );
const suspend = (id: string, body: object) =>
  t.http.post(`/api/v1/benefits/${id}/suspensions`).set(bearer(tokens.officer)).send(body);

describe('benefit state follows the suspension dates', () => {
  it('a closed stay 06-08..06-20 entered on 06-10: suspended during it, active after', async () => {
    const { id } = await benefitFor(t, tokens);
    t.setNow('2026-06-10T02:00:00Z');
    const res = await suspend(id, { reason: 'hospital-stay', from: '2026-06-08', to: '2026-06-20' });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('suspended');
    expect(await stateOf(id)).toBe('suspended');
    expect(await listed('suspended')).toContain(id);
    t.setNow('2026-06-21T02:00:00Z');
    expect(await stateOf(id)).toBe('active');
    expect(await listed('active')).toContain(id);
    expect(await listed('suspended')).not.toContain(id);
  });

  it('an open stay from 08-01 entered on 06-10: active until 08-01, then suspended', async () => {
    t.setNow('2026-05-20T02:00:00Z');
    const { id } = await benefitFor(t, tokens);
    t.setNow('2026-06-10T02:00:00Z');
    const res = await suspend(id, { reason: 'hospital-stay', from: '2026-08-01' });
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('active');
    t.setNow('2026-07-31T15:59:00Z'); // 23:59 in Shanghai
    expect(await stateOf(id)).toBe('active');
    t.setNow('2026-07-31T16:00:00Z'); // 08-01 00:00 in Shanghai
    expect(await stateOf(id)).toBe('suspended');
    const ended = await t.http
      .patch(`/api/v1/benefits/${id}/suspensions/${res.body.suspensions[0].id}`)
      .set(bearer(tokens.officer))
      .send({ to: '2026-08-05' });
    expect([ended.status, ended.body.state]).toEqual([200, 'suspended']);
    t.setNow('2026-08-06T02:00:00Z');
    expect(await stateOf(id)).toBe('active');
  });
});
