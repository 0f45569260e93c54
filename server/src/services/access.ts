// Who may see and act for whom. Decisions (see server/README.md):
// - resident and community-worker act only for persons whose consent names them (an active Consent);
// - agent, officer and admin read every person and application for their work, but never act as proxies;
// - a provider account reads only its own clients: persons with a benefit planned at its provider, no applications;
// - a record outside the caller's scope answers 404, exactly as if it did not exist (no leak of existence);
//   an action the caller's role can never take answers 403.
import type { Prisma } from '../generated/prisma/client';
import type { Db } from '../db';
import { forbidden, notFound } from '../lib/errors';
import { PROXY_ROLES, type AuthUser } from '../lib/roles';

export function isProxyRole(user: AuthUser): boolean {
  return PROXY_ROLES.includes(user.role);
}

/** Only officers, who process applications, see full id numbers and phones. */
export function seesFullPersonalData(user: AuthUser): boolean {
  return user.role === 'officer';
}

export function personScope(user: AuthUser): Prisma.PersonWhereInput {
  if (user.role === 'provider') {
    return { benefits: { some: { plans: { some: { provider: { accounts: { some: { userId: user.id } } } } } } } };
  }
  return isProxyRole(user) ? { consents: { some: { granteeId: user.id, revokedAt: null } } } : {};
}

export function applicationScope(user: AuthUser): Prisma.ApplicationWhereInput {
  if (user.role === 'provider') return { id: { in: [] } };
  return isProxyRole(user) ? { person: personScope(user) } : {};
}

export class Access {
  constructor(private readonly prisma: Db) {}

  /** The person if the user may read it, else 404. */
  async readablePerson(user: AuthUser, personId: string) {
    const person = await this.prisma.person.findFirst({ where: { id: personId, ...personScope(user) } });
    if (!person) throw notFound('没有找到这位参保人，或您还没有获得代办授权。');
    return person;
  }

  /** The person if the user acts for them (proxy with consent): staff get 403, strangers 404. */
  async actedForPerson(user: AuthUser, personId: string) {
    if (!isProxyRole(user)) throw forbidden('工作人员账号不能代参保人办理，请由本人、家属或社区工作人员办理。');
    return this.readablePerson(user, personId);
  }

  async readableApplication(user: AuthUser, applicationId: string) {
    const application = await this.prisma.application.findFirst({
      where: { id: applicationId, ...applicationScope(user) },
      include: { person: true },
    });
    if (!application) throw notFound('没有找到这份申请，或您无权查看。');
    return application;
  }
}
