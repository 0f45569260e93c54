// The development setup (NODE_ENV not production): the SMS outbox shows codes and demo accounts exist, so it
// must only ever be reachable from this machine. index.ts checks the address and prints a warning.
import type { Config } from './config';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Is the address this machine (also an IPv4 address in IPv6 form, ::ffff:127.0.0.1)? */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return LOOPBACK.has(address) || LOOPBACK.has(address.replace(/^::ffff:/, ''));
}

/** Why the server must not start on this address, or null: the development setup listens on 127.0.0.1 only. */
export function devHostProblem(host: string, config: Pick<Config, 'devOutbox'>): string | null {
  if (!config.devOutbox || isLoopback(host)) return null;
  return (
    `refusing to listen on ${host}: this is the development setup (NODE_ENV is not "production"), whose SMS ` +
    'outbox shows sign-in codes and which has demo accounts. Listen on 127.0.0.1 (unset HOST), or set ' +
    'NODE_ENV=production with a real SMS gateway.'
  );
}

/** The lines printed at start; a development setup gets a clear warning. */
export function startupLines(host: string, port: number, databasePath: string, config: Pick<Config, 'devOutbox'>) {
  const lines = [`长护通 API listening on http://${host}:${port}/api/v1 (database ${databasePath})`];
  if (config.devOutbox) {
    lines.push(
      'WARNING: development setup (NODE_ENV is not "production"). Demo staff accounts are seeded and sign-in',
      `codes are readable at GET http://${host}:${port}/api/v1/dev/sms-outbox?phone=<phone> (this machine only).`,
      'Never expose this server to a network; use NODE_ENV=production with a real SMS gateway.',
    );
  }
  return lines;
}
