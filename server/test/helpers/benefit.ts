// The "person → application approved with a grade → benefit" setup that the benefit, settlement and
// service-record tests share. Every step goes over HTTP, as the family and the officer would take it.
import type { Role } from '../../src/lib/roles';
import { DEMO_PROVIDER_ACCOUNT } from '../../src/seed';
import { bearer, createTestApp, signIn, signInAllRoles, type TestApp } from './app';
import { applicationIn } from './walk';

/** Sample providers of the seed (wenzhou): home care in lucheng, an institution in ouhai. */
export const HOME = 'sample-wz-lucheng-home';
export const INSTITUTION = 'sample-wz-ouhai-institution';

export interface BenefitTestApp {
  t: TestApp;
  /** Every role; `provider` is the demo account of HOME. */
  tokens: Record<Role, string>;
  /** A resident with no consent for anyone. */
  stranger: string;
  /** An account of INSTITUTION, a provider that serves none of the benefits made with HOME. */
  otherProvider: string;
}

/** An app on 2026-05-20 (Asia/Shanghai) whose sessions last a year, since these tests move through months. */
export async function benefitTestApp(): Promise<BenefitTestApp> {
  const t = await createTestApp({ now: '2026-05-20T02:00:00Z', config: { sessionTtlMinutes: 365 * 24 * 60 } });
  const tokens = await signInAllRoles(t);
  tokens.provider = await signIn(t, DEMO_PROVIDER_ACCOUNT.phone);
  const stranger = await signIn(t, '13655550000');
  const account = await t.http
    .post(`/api/v1/providers/${INSTITUTION}/accounts`)
    .set(bearer(tokens.admin))
    .send({ phone: '13712340000', name: '示例·瓯海颐养护理院账号' });
  if (account.status !== 201) throw new Error(`benefitTestApp: ${account.status} ${JSON.stringify(account.body)}`);
  return { t, tokens, stranger, otherProvider: await signIn(t, '13712340000') };
}

export interface ApprovalSetup {
  /** Grade of the assessment (default severe-3). */
  grade?: string;
  /** Overrides of the person's body (default: wenzhou, lucheng, employee-retired). */
  person?: Record<string, unknown>;
}

export interface BenefitSetup extends ApprovalSetup {
  careMode?: string;
  providerId?: string;
  planItems?: string[];
}

export interface BenefitBody {
  id: string;
  personId: string;
  applicationId: string;
  startMonth: string;
  state: string;
  [field: string]: unknown;
}

/** A new person's application, assessed with the grade, publicized and approved now; its id. */
export async function approvedApplication(
  t: TestApp,
  tokens: Record<Role, string>,
  setup: ApprovalSetup = {},
): Promise<string> {
  return applicationIn(t, tokens, 'approved', setup.person ?? {}, { assess: { grade: setup.grade ?? 'severe-3' } });
}

/** A benefit (default: home care at HOME) from a new application approved now. */
export async function benefitFor(
  t: TestApp,
  tokens: Record<Role, string>,
  setup: BenefitSetup = {},
): Promise<BenefitBody> {
  const applicationId = await approvedApplication(t, tokens, setup);
  const res = await t.http
    .post('/api/v1/benefits')
    .set(bearer(tokens.officer))
    .send({
      applicationId,
      careMode: setup.careMode ?? 'home',
      providerId: setup.providerId ?? HOME,
      ...(setup.planItems ? { planItems: setup.planItems } : {}),
    });
  if (res.status !== 201) throw new Error(`benefitFor: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as BenefitBody;
}
