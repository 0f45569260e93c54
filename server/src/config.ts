import path from 'node:path';

export interface Config {
  /** Directory for uploaded materials; never served statically. */
  dataDir: string;
  /** Expose the development SMS outbox at GET /api/v1/dev/sms-outbox. */
  devOutbox: boolean;
  sessionTtlMinutes: number;
  codeTtlMinutes: number;
  /** Code requests allowed per phone: one a minute, this many an hour. */
  codesPerHour: number;
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (TRUST_PROXY=1). */
  trustProxy: boolean;
  /** Code requests allowed per client address an hour, whatever the phone. */
  codesPerAddressPerHour: number;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return {
    dataDir: env.DATA_DIR || path.join(repoRoot, 'data'),
    devOutbox: env.NODE_ENV !== 'production',
    sessionTtlMinutes: 7 * 24 * 60,
    codeTtlMinutes: 5,
    codesPerHour: 5,
    trustProxy: env.TRUST_PROXY === '1',
    codesPerAddressPerHour: Number(env.CODES_PER_ADDRESS_PER_HOUR) || 30,
    maxWrongCodes: 5,
    lockMinutes: 15,
    maxUploadBytes: 10 * 1024 * 1024,
    statusTemplateId: env.WECHAT_STATUS_TEMPLATE_ID || 'dev-application-status',
    benefitTemplateId: env.WECHAT_BENEFIT_TEMPLATE_ID || 'dev-benefit-status',
    settlementTemplateId: env.WECHAT_SETTLEMENT_TEMPLATE_ID || 'dev-settlement-notice',
    ...overrides,
  };
}
