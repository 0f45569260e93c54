// Messages to a person's account, shaped as WeChat subscription messages
// ({templateId, page, data: {thing1: {value}, ...}}) so a real sender can pass them on unchanged.
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { AuthUser } from '../lib/roles';
import { notFound } from '../lib/errors';
import { personScope } from './access';

export interface SubscriptionMessage {
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat `thing` values are at most 20 characters. */
export function thing(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 20 ? text : chars.slice(0, 19).join('') + '…';
}

/** `${name}${suffix}` as a `thing` value: a long name is shortened, never the suffix that says what it is. */
export function nameThing(name: string, suffix: string): string {
  const room = 20 - Array.from(suffix).length;
  const chars = Array.from(name);
  return thing((chars.length <= room ? name : chars.slice(0, room - 1).join('') + '…') + suffix);
}

/** WeChat `phrase` values are at most 5 characters (Chinese only). */
export function phrase(text: string): string {
  return Array.from(text).slice(0, 5).join('');
}

/**
 * Puts a message in a person's inbox (in the caller's transaction). One row per person: the person and every
 * proxy with an active consent read it (GET /inbox), so a consent given later also shows earlier messages.
 */
export function putInInbox(
  tx: Prisma.TransactionClient,
  to: { personId: string; applicationId: string | null },
  message: SubscriptionMessage,
  at: Date,
) {
  return tx.inboxMessage.create({
    data: {
      personId: to.personId,
      applicationId: to.applicationId,
      templateId: message.templateId,
      page: message.page,
      data: JSON.stringify(message),
      createdAt: at,
    },
  });
}

export class InboxService {
  constructor(private readonly prisma: Db) {}

  async list(user: AuthUser, personId?: string) {
    const rows = await this.prisma.inboxMessage.findMany({
      where: { person: personScope(user), ...(personId ? { personId } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 200,
    });
    return rows.map((m) => ({
      id: m.id,
      personId: m.personId,
      applicationId: m.applicationId,
      createdAt: m.createdAt.toISOString(),
      readAt: m.readAt ? m.readAt.toISOString() : null,
      ...(JSON.parse(m.data) as SubscriptionMessage),
    }));
  }

  async markRead(user: AuthUser, messageId: string, at: Date) {
    const message = await this.prisma.inboxMessage.findFirst({ where: { id: messageId, person: personScope(user) } });
    if (!message) throw notFound('没有找到这条消息。');
    await this.prisma.inboxMessage.update({ where: { id: message.id }, data: { readAt: message.readAt ?? at } });
  }
}
