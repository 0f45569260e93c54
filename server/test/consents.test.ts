// Who may grant and revoke consents: the person themself (the account holding the `self` consent) grants
// and revokes for others; a proxy revokes only their own consent; the `self` consent only an officer revokes.
import { bearer, createTestApp, expectErrorShape, signIn, signInAllRoles, type TestApp } from './helpers/app';
import { addPerson } from './helpers/fixtures';
import type { Role } from '../src/lib/roles';

let t: TestApp;
let tokens: Record<Role, string>;
let selfToken: string;
let stranger: string;
const SELF_PHONE = '13911110001';
beforeAll(async () => {
  t = await createTestApp();
  tokens = await signInAllRoles(t);
  selfToken = await signIn(t, SELF_PHONE);
  stranger = await signIn(t, '13911110009');
});
afterAll(() => t.close());

let serial = 0;
const grantBody = (phone = `1352222${String(++serial).padStart(4, '0')}`) => ({
  granteePhone: phone,
  relationship: 'child',
  method: 'in-person',
  givenBy: '本人',
  givenAt: '2026-05-10T10:00:00+08:00',
});
const grant = (token: string, personId: string, body = grantBody()) =>
  t.http.post(`/api/v1/persons/${personId}/consents`).set(bearer(token)).send(body);
const revoke = (token: string, personId: string, consentId: string) =>
  t.http.delete(`/api/v1/persons/${personId}/consents/${consentId}`).set(bearer(token));
const consents = async (personId: string) =>
  (await t.http.get(`/api/v1/persons/${personId}/consents`).set(bearer(tokens.officer))).body as {
    id: string;
    method: string;
    granteePhone: string;
    revokedAt: string | null;
  }[];

/** A person registered by themself, with the family (the demo resident) as a proxy the person granted. */
async function ownPerson() {
  const p = await addPerson(t, selfToken, { relationship: 'self', consent: undefined, phone: SELF_PHONE });
  const family = await grant(selfToken, p.id, grantBody('13800000001'));
  expect(family.status).toBe(201);
  const self = (await consents(p.id)).find((c) => c.method === 'self')!;
  return { personId: p.id, selfId: self.id, familyId: family.body.id as string };
}

describe('granting', () => {
  it('the person grants; a proxy cannot pass the consent on (403), a stranger finds nothing (404)', async () => {
    const { personId } = await ownPerson();
    expect((await grant(selfToken, personId)).status).toBe(201);
    const byProxy = await grant(tokens.resident, personId);
    expect(byProxy.status).toBe(403);
    expectErrorShape(byProxy.body);
    expect(byProxy.body.error.message).toContain('只有参保人本人');
    expect((await grant(stranger, personId)).status).toBe(404);
  });

  it('a person registered by a family member gets further proxies only through an officer', async () => {
    const p = await addPerson(t, tokens.resident);
    expect((await grant(tokens.resident, p.id)).status).toBe(403);
    expect((await grant(tokens['community-worker'], p.id)).status).toBe(404);
    expect((await grant(tokens.officer, p.id)).status).toBe(201);
    expect((await grant(tokens.agent, p.id)).status).toBe(403);
  });

  it('nobody adds a second `self` consent', async () => {
    const { personId } = await ownPerson();
    const res = await grant(selfToken, personId, { ...grantBody(), method: 'self', relationship: 'self' });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });
});

describe('revoking', () => {
  it('the person revokes a proxy; the proxy loses access', async () => {
    const { personId, familyId } = await ownPerson();
    expect((await revoke(selfToken, personId, familyId)).status).toBe(200);
    expect((await t.http.get(`/api/v1/persons/${personId}`).set(bearer(tokens.resident))).status).toBe(404);
  });

  it('a proxy revokes their own consent but not another proxy’s nor the person’s own', async () => {
    const { personId, selfId, familyId } = await ownPerson();
    const other = await grant(selfToken, personId);
    const onOther = await revoke(tokens.resident, personId, other.body.id);
    expect(onOther.status).toBe(403);
    expectErrorShape(onOther.body);
    const onSelf = await revoke(tokens.resident, personId, selfId);
    expect(onSelf.status).toBe(403);
    expect(onSelf.body.error.message).toContain('本人');
    expect((await consents(personId)).every((c) => c.revokedAt === null)).toBe(true);
    expect((await revoke(tokens.resident, personId, familyId)).status).toBe(200);
    expect((await t.http.get(`/api/v1/persons/${personId}`).set(bearer(tokens.resident))).status).toBe(404);
  });

  it('the `self` consent: not by the person themself here, only by an officer', async () => {
    const { personId, selfId } = await ownPerson();
    expect((await revoke(selfToken, personId, selfId)).status).toBe(403);
    expect((await revoke(tokens.agent, personId, selfId)).status).toBe(403);
    expect((await revoke(tokens.admin, personId, selfId)).status).toBe(403);
    expect((await revoke(stranger, personId, selfId)).status).toBe(404);
    expect((await revoke(tokens.officer, personId, selfId)).status).toBe(200);
  });
});
