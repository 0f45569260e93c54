import type { Middleware } from 'koa';
import type { AppState } from '../lib/context';
import { forbidden, unauthenticated } from '../lib/errors';
import type { Role } from '../lib/roles';
import type { AuthService } from '../services/auth';

/** Reads a bearer token, if any, and puts the signed-in user in ctx.state.user. */
export function authenticate(auth: AuthService): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match) {
      const user = await auth.userForToken(match[1]);
      if (!user) throw unauthenticated('登录已过期或无效，请重新登录。');
      ctx.state.user = user;
    }
    await next();
  };
}

/** Refuses anyone not signed in (401) or not in one of the roles (403). */
export function requireRole(roles: readonly Role[]): Middleware<AppState> {
  return async (ctx, next) => {
    const user = ctx.state.user;
    if (!user) throw unauthenticated();
    if (!roles.includes(user.role)) throw forbidden();
    await next();
  };
}
