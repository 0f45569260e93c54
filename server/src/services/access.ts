// Who may see and act for whom. Decisions (see server/README.md):
// - resident and community-worker act only for persons whose consent names them (an active Consent);
// - agent, officer and admin read every person and application for their work, but never act as proxies;
// - a provider account reads only its current clients: persons whose benefit's plan in force today (Shanghai
//   date) names its provider, no applications; a past provider keeps only its own settlements and visits;
// - a record outside the caller's scope answers 404, exactly as if it did not exist (no leak of existence);
//   an action the caller's role can never take answers 403.
import type { Application, Person, Prisma } from '../generated/prisma/client';
import type { Db } from '../db';
import { hotReads } from '../hotReads';
import { forbidden, notFound } from '../lib/errors';
import { PROXY_ROLES, type AuthUser } from '../lib/roles';
import { shanghaiDate, systemClock, type Clock } from '../lib/time';
import { planFor } from './benefit-months';

export function isProxyRole(user: AuthUser): boolean {
  return PROXY_ROLES.includes(user.role);
}

/** Only officers, who process applications, see full id numbers and phones. */
export function seesFullPersonalData(user: AuthUser): boolean {
  return user.role === 'officer';
}

/**
 * Benefits a provider account serves today: the plan in force this month names its provider, the benefit has
 * started and not stopped before today. A booked future plan or a past one is not enough.
 */
export async function currentClientBenefitIds(prisma: Db, user: AuthUser, today: string): Promise<string[]> {
  if (user.role !== 'provider') return [];
  const account = await prisma.providerAccount.findUnique({ where: { userId: user.id } });
  if (!account) return [];
  const month = today.slice(0, 7);
  const rows = await prisma.benefit.findMany({
    where: { plans: { some: { providerId: account.providerId } } },
    select: { id: true, stoppedOn: true, plans: { select: { fromMonth: true, providerId: true } } },
  });
  return rows
    .filter((b) => !(b.stoppedOn && b.stoppedOn < today))
    .filter((b) => planFor(b.plans, month)?.providerId === account.providerId)
    .map((b) => b.id);
}

/** Persons in scope; for a provider account, `clientBenefitIds` are its current clients' benefits. */
export function personScope(user: AuthUser, clientBenefitIds: string[] = []): Prisma.PersonWhereInput {
  if (user.role === 'provider') return { benefits: { some: { id: { in: clientBenefitIds } } } };
  return isProxyRole(user) ? { consents: { some: { granteeId: user.id, revokedAt: null } } } : {};
}

export function applicationScope(user: AuthUser): Prisma.ApplicationWhereInput {
  if (user.role === 'provider') return { id: { in: [] } };
  return isProxyRole(user) ? { person: personScope(user) } : {};
}

export class Access {
  constructor(
    private readonly prisma: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A provider account's current clients' benefits (empty for other roles). */
  clientBenefitIds(user: AuthUser): Promise<string[]> {
    return currentClientBenefitIds(this.prisma, user, shanghaiDate(this.clock()));
  }

  /** The person if the user may read it, else 404. */
  async readablePerson(user: AuthUser, personId: string) {
    const scope = personScope(user, await this.clientBenefitIds(user));
    const person = await this.prisma.person.findFirst({ where: { id: personId, ...scope } });
    if (!person) throw notFound('没有找到这位参保人，或您还没有获得代办授权。');
    return person;
  }

  /** The person if the user acts for them (proxy with consent): staff get 403, strangers 404. */
  async actedForPerson(user: AuthUser, personId: string) {
    if (!isProxyRole(user)) throw forbidden('工作人员账号不能代参保人办理，请由本人、家属或社区工作人员办理。');
    return this.readablePerson(user, personId);
  }

  /** The application with its person (and, on SQLite, its number of materials) if the user may read it, else 404. */
  async readableApplication(
    user: AuthUser,
    applicationId: string,
  ): Promise<Application & { person: Person; _count?: { materials: number } }> {
    const hot = hotReads(this.prisma);
    if (hot) {
      // The same scope as applicationScope, read without Prisma (the most frequent signed-in read).
      const a = user.role === 'provider' ? null : await hot.application(applicationId);
      if (a && (!isProxyRole(user) || (await hot.actsFor(a.personId, user.id)))) return a;
      throw notFound('没有找到这份申请，或您无权查看。');
    }
    const application = await this.prisma.application.findFirst({
      where: { id: applicationId, ...applicationScope(user) },
      include: { person: true },
    });
    if (!application) throw notFound('没有找到这份申请，或您无权查看。');
    return application;
  }
}
