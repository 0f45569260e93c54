// One family's records of every kind, made over HTTP as the family, the officer and the provider would: a
// person with a consent, a draft with a material, an approved application with a benefit at the institution
// (whose account is not the demo provider's), a suspension, a plan request, a visit, a settled month, an inbox
// message and a chatbot conversation. The authorization matrix and the fuzz test run against it.
import type { Role } from '../../src/lib/roles';
import { bearer, signIn, type TestApp } from './app';
import { benefitFor, benefitTestApp, HOME, INSTITUTION, type BenefitTestApp } from './benefit';
import { addDraft, addPerson, newIdNumber, PNG } from './fixtures';

/** Ids of one family's records of every kind, and the words that identify them. */
export interface Fixture {
  personId: string;
  consentId: string;
  draftId: string;
  materialId: string;
  applicationId: string;
  benefitId: string;
  requestId: string;
  suspensionId: string;
  settlementId: string;
  serviceRecordId: string;
  messageId: string;
  conversationId: string;
  userId: string;
  providerId: string;
  idNumber: string;
}

export const NAME = '严守秘老人';
export const PHONE = '13744445555';
export const VICTIM = '13655551111';

/** A visit body for a day (one item, identity checked, self-paid consent). */
export const visit = (day: string) => ({
  workerName: '吴护理员',
  startAt: `${day}T09:00:00+08:00`,
  endAt: `${day}T10:00:00+08:00`,
  items: [{ name: '助浴', minutes: 40 }],
  identityChecked: true,
  identityMethod: 'face-recognition',
  selfPaidConsent: { givenBy: NAME, method: 'in-person' },
});

/** Values for path parameters by name, when an entry gives none. */
export function pathParams(f: Fixture, template: string): Record<string, string> {
  const byName: Record<string, string> = {
    personId: f.personId,
    consentId: f.consentId,
    applicationId: f.draftId,
    materialId: f.materialId,
    benefitId: f.benefitId,
    requestId: f.requestId,
    suspensionId: f.suspensionId,
    settlementId: f.settlementId,
    serviceRecordId: f.serviceRecordId,
    messageId: f.messageId,
    conversationId: f.conversationId,
    sessionId: f.conversationId,
    userId: f.userId,
    providerId: f.providerId,
  };
  const out: Record<string, string> = {};
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) out[name] = byName[name];
  return out;
}

export interface World {
  app: BenefitTestApp;
  t: TestApp;
  tokens: Record<Role, string>;
  /** The family's own resident account. */
  victim: string;
  f: Fixture;
}

/** The family's records, on an app whose clock ends at 2026-07-01. */
export async function buildWorld(): Promise<World> {
  const app = await benefitTestApp();
  const t = app.t;
  const tokens = app.tokens;
  const victim = await signIn(t, VICTIM);
  const family = { ...tokens, resident: victim };
  const idNumber = newIdNumber('19400101');
  const person = await addPerson(t, victim, { name: NAME, idNumber, phone: PHONE });
  const consent = await t.http.post(`/api/v1/persons/${person.id}/consents`).set(bearer(tokens.officer)).send({
    granteePhone: '13600002222',
    relationship: 'relative',
    method: 'written',
    givenBy: NAME,
    givenAt: '2026-05-01T10:00:00+08:00',
  });
  const draft = await addDraft(t, victim, person.id);
  const material = await t.http
    .post(`/api/v1/applications/${draft.id}/materials`)
    .set(bearer(victim))
    .field('kind', 'id-card')
    .attach('file', PNG, 'id.png');
  // A benefit of the same family, at the institution whose account is not the demo provider's.
  const benefit = await benefitFor(t, family, {
    careMode: 'institution',
    providerId: INSTITUTION,
    person: { name: NAME, phone: PHONE },
  });
  const inbox = await t.http.get('/api/v1/inbox').set(bearer(victim));
  t.setNow('2026-06-10T02:00:00Z');
  await t.http
    .post(`/api/v1/benefits/${benefit.id}/suspensions`)
    .set(bearer(tokens.officer))
    .send({ reason: 'hospital-stay', from: '2026-06-05' });
  const suspended = await t.http.get(`/api/v1/benefits/${benefit.id}`).set(bearer(tokens.officer));
  await t.http
    .patch(`/api/v1/benefits/${benefit.id}/suspensions/${suspended.body.suspensions?.[0]?.id}`)
    .set(bearer(tokens.officer))
    .send({ to: '2026-06-09' });
  const asked = await t.http
    .post(`/api/v1/benefits/${benefit.id}/plan-changes`)
    .set(bearer(victim))
    .send({ careMode: 'home', providerId: HOME, reason: '想回家住' });
  t.setNow('2026-06-25T02:00:00Z');
  const record = await t.http
    .post(`/api/v1/benefits/${benefit.id}/service-records`)
    .set(bearer(app.otherProvider))
    .send(visit('2026-06-22'));
  t.setNow('2026-07-01T02:00:00Z');
  const settled = await t.http
    .post(`/api/v1/benefits/${benefit.id}/settlements`)
    .set(bearer(app.otherProvider))
    .send({ month: '2026-06', monthlyBillFen: 300000 });
  const chat = await t.http
    .post('/api/v1/bot/messages')
    .set(bearer(victim))
    .send({ text: `我妈${NAME}，身份证${idNumber}，能办长护险吗` });
  const user = await t.db.prisma.user.findUniqueOrThrow({ where: { phone: VICTIM } });
  const f: Fixture = {
    personId: person.id,
    consentId: consent.body.id,
    draftId: draft.id,
    materialId: material.body.id,
    applicationId: benefit.applicationId,
    benefitId: benefit.id,
    requestId: asked.body.planRequests?.[0]?.id,
    suspensionId: suspended.body.suspensions?.[0]?.id,
    settlementId: settled.body.id,
    serviceRecordId: record.body.id,
    messageId: inbox.body[0]?.id,
    conversationId: chat.body.sessionId,
    userId: user.id,
    providerId: INSTITUTION,
    idNumber,
  };
  const missing = Object.entries(f).filter(([, v]) => typeof v !== 'string');
  if (missing.length) {
    const answers = { consent, material, inbox, suspended, asked, record, settled, chat };
    const wrong = Object.entries(answers).filter(([, r]) => r.status >= 300);
    throw new Error(
      `matrix set-up: no ${missing.map(([k]) => k).join(', ')}; ` +
        wrong.map(([k, r]) => `${k} ${r.status} ${r.text.slice(0, 300)}`).join('; '),
    );
  }
  return { app, t, tokens, victim, f };
}
