import type { Db } from '../db';
import type { Clock } from '../lib/time';

/** Where one-time codes go. A real SMS gateway implements the same interface. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/** Development outbox: messages land in the SmsMessage table, readable at GET /api/v1/dev/sms-outbox. */
export class DevOutboxSender implements SmsSender {
  constructor(
    private readonly prisma: Db,
    private readonly clock: Clock,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    await this.prisma.smsMessage.create({ data: { phone, text, createdAt: this.clock() } });
  }
}
