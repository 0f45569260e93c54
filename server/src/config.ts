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
  /** Wrong codes within lockMinutes that lock the phone for lockMinutes. */
  maxWrongCodes: number;
  lockMinutes: number;
  maxUploadBytes: number;
  /** WeChat subscription template of the application-status message. */
  statusTemplateId: string;
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
    maxWrongCodes: 5,
    lockMinutes: 15,
    maxUploadBytes: 10 * 1024 * 1024,
    statusTemplateId: env.WECHAT_STATUS_TEMPLATE_ID || 'dev-application-status',
    ...overrides,
  };
}
