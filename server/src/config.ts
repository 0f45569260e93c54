import path from 'node:path';

/** The development setup's code key: its codes are readable in the outbox anyway. */
const DEVELOPMENT_CODE_KEY = 'changhu-development-sign-in-codes';

export interface Config {
  /** Directory for uploaded materials; never served statically. */
  dataDir: string;
  /** Expose the development SMS outbox at GET /api/v1/dev/sms-outbox. */
  devOutbox: boolean;
  sessionTtlMinutes: number;
  codeTtlMinutes: number;
  /** Code requests allowed per phone: one a minute, this many an hour. */
  codesPerHour: number;
  /** Behind a reverse proxy, the client address is the last X-Forwarded-For entry, the one the proxy appended (TRUST_PROXY=1). */
  trustProxy: boolean;
  /**
   * Codes sent per client address an hour, whatever the phone (counted in the database). High enough for a
   * community service point where one worker signs many elders in behind one address.
   */
  codesPerAddressPerHour: number;
  /** The SMS gateway (SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN); required when NODE_ENV=production. */
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
  /**
   * Key of the HMAC that stores sign-in codes (SIGN_IN_CODE_KEY). Every instance needs the same key, or a code
   * sent by one is refused by another; production refuses to start without one (empty here).
   */
  codeHashKey: string;
  /** Wrong codes within lockMinutes that lock the phone for lockMinutes. */
  maxWrongCodes: number;
  lockMinutes: number;
  maxUploadBytes: number;
  /** WeChat subscription template of the application-status message. */
  statusTemplateId: string;
  /** WeChat subscription template of the benefit-status message (created, suspended, resumed, stopped, changed). */
  benefitTemplateId: string;
  /** WeChat subscription template of the monthly-settlement message (posted or corrected). */
  settlementTemplateId: string;
}

export const repoRoot = path.resolve(__dirname, '..', '..');

export function defaultDatabaseUrl(): string {
  return 'file:' + path.join(repoRoot, 'data', 'changhu.db');
}

/**
 * The database of DATABASE_URL: `file:<path>` (SQLite, the default <repo>/data/changhu.db) for one instance, or
 * `postgresql://user:password@host:port/database` for several instances sharing it. Anything else is refused
 * at start-up rather than taken for a file name.
 */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL || defaultDatabaseUrl();
  if (!/^(file:|postgres(ql)?:\/\/)/i.test(url)) {
    throw new Error('DATABASE_URL must be file:<path> (SQLite) or postgresql://user:password@host:port/database');
  }
  return url;
}

/** The database as a start-up line shows it: a SQLite file's path, a PostgreSQL URL without its password. */
export function databaseLabel(url: string): string {
  if (url.startsWith('file:')) return url.slice('file:'.length);
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    u.search = '';
    return u.toString();
  } catch {
    return 'postgresql';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return {
    dataDir: env.DATA_DIR || path.join(repoRoot, 'data'),
    devOutbox: env.NODE_ENV !== 'production',
    sessionTtlMinutes: 7 * 24 * 60,
    codeTtlMinutes: 5,
    codesPerHour: 5,
    trustProxy: env.TRUST_PROXY === '1',
    codesPerAddressPerHour: Number(env.CODES_PER_ADDRESS_PER_HOUR) || 120,
    smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
    smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
    codeHashKey: env.SIGN_IN_CODE_KEY || (env.NODE_ENV !== 'production' ? DEVELOPMENT_CODE_KEY : ''),
    maxWrongCodes: 5,
    lockMinutes: 15,
    maxUploadBytes: 10 * 1024 * 1024,
    statusTemplateId: env.WECHAT_STATUS_TEMPLATE_ID || 'dev-application-status',
    benefitTemplateId: env.WECHAT_BENEFIT_TEMPLATE_ID || 'dev-benefit-status',
    settlementTemplateId: env.WECHAT_SETTLEMENT_TEMPLATE_ID || 'dev-settlement-notice',
    ...overrides,
  };
}
