import type { Config } from '../config';
import type { Db } from '../db';
import type { AuthUser } from '../lib/roles';
import type { AppContext } from '../lib/context';
import { unauthenticated } from '../lib/errors';
import type { Clock } from '../lib/time';
import type { Services } from '../services';

export interface RouteDeps {
  prisma: Db;
  config: Config;
  clock: Clock;
  services: Services;
}

/** The signed-in user; routes with roles have already refused anyone else. */
export function userOf(ctx: AppContext): AuthUser {
  if (!ctx.state.user) throw unauthenticated();
  return ctx.state.user;
}
