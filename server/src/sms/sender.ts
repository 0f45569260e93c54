import type { Config } from '../config';
import type { Db } from '../db';
import { AppError } from '../lib/errors';
import type { Clock } from '../lib/time';

/** Where one-time codes go. A real SMS gateway implements the same interface. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

/**
 * Development outbox: messages land in the SmsMessage table, readable at GET /api/v1/dev/sms-outbox. The
 * message text (with the code) is stored only here, for a tester to read; never in production (smsSenderFor).
 */
export class DevOutboxSender implements SmsSender {
  constructor(
    private readonly prisma: Db,
    private readonly clock: Clock,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    await this.prisma.smsMessage.create({ data: { phone, text, createdAt: this.clock() } });
  }
}

/**
 * A gateway reached over HTTP(S): POST {phone, text} as JSON to SMS_GATEWAY_URL with
 * `Authorization: Bearer SMS_GATEWAY_TOKEN`; any 2xx is sent. The adapter an operator's SMS provider sits behind.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 5000,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    let status = 0;
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    if (status < 200 || status >= 300) {
      throw new AppError(503, 'sms-unavailable', '短信暂时发不出去，请稍后再试。');
    }
  }
}

/**
 * The sender a server uses: the configured gateway; without one, the development outbox outside production.
 * In production without a gateway it refuses to start: codes would be stored and never sent.
 */
export function smsSenderFor(config: Config, prisma: Db, clock: Clock): SmsSender {
  if (!config.codeHashKey) {
    throw new Error(
      'NODE_ENV=production needs SIGN_IN_CODE_KEY: the key, the same on every instance, of stored sign-in codes.',
    );
  }
  if (config.smsGatewayUrl) return new HttpSmsSender(config.smsGatewayUrl, config.smsGatewayToken);
  if (config.devOutbox) return new DevOutboxSender(prisma, clock);
  throw new Error(
    'NODE_ENV=production needs an SMS gateway: set SMS_GATEWAY_URL (and SMS_GATEWAY_TOKEN). The development ' +
      'outbox is not used in production.',
  );
}
