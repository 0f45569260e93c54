import crypto from 'node:crypto';
import type { Config } from '../config';
import { withKeyLock, type Db, type DbTx } from '../db';
import { hotReads } from '../hotReads';
import { AppError, badInput } from '../lib/errors';
import { ROLES, type AuthUser, type Role } from '../lib/roles';
import type { Clock } from '../lib/time';
import type { SmsSender } from '../sms/sender';

const MINUTE = 60_000;

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * A one-time code is stored only as a keyed hash: a plain SHA-256 of six digits is undone by trying the
 * million codes, an HMAC without the server's key is not. The plain code exists only in the message sent.
 */
function codeHash(key: string, phone: string, code: string): string {
  return crypto.createHmac('sha256', key).update(`${phone}:${code}`).digest('hex');
}

export function toAuthUser(u: {
  id: string;
  phone: string;
  name: string | null;
  role: string;
  communityId: string | null;
}): AuthUser {
  if (!(ROLES as readonly string[]).includes(u.role)) throw new Error(`unknown role ${u.role}`);
  return { id: u.id, phone: u.phone, name: u.name, role: u.role as Role, communityId: u.communityId };
}

export class AuthService {
  constructor(
    private readonly prisma: Db,
    private readonly config: Config,
    private readonly sms: SmsSender,
    private readonly clock: Clock,
  ) {}

  private async lockedUntil(db: DbTx, phone: string, now: Date): Promise<Date | null> {
    const since = new Date(now.getTime() - this.config.lockMinutes * MINUTE);
    const attempts = await db.signInAttempt.findMany({
      where: { phone, createdAt: { gte: since } },
      orderBy: { createdAt: 'desc' },
    });
    // Wrong codes since the last success within the window.
    const lastOk = attempts.findIndex((a) => a.ok);
    const wrong = (lastOk === -1 ? attempts : attempts.slice(0, lastOk)).filter((a) => !a.ok);
    if (wrong.length < this.config.maxWrongCodes) return null;
    const until = new Date(wrong[this.config.maxWrongCodes - 1].createdAt.getTime() + this.config.lockMinutes * MINUTE);
    return until > now ? until : null;
  }

  private lockedError(until: Date, now: Date): AppError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
    return new AppError(429, 'locked', `验证码错误次数太多，为保护账号安全已暂时锁定，请${minutes}分钟后再试。`);
  }

  /**
   * Sends a 6-digit code; at most one a minute and config.codesPerHour an hour per phone, and
   * config.codesPerAddressPerHour an hour per client address (whatever the phone). Both are counted from the
   * stored codes, under a lock on the address and the phone, so a burst of requests on every server instance
   * and a restart see them.
   */
  async requestCode(phone: string, address: string): Promise<{ expiresAt: Date }> {
    const now = this.clock();
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + this.config.codeTtlMinutes * MINUTE);
    const taken = await withKeyLock(this.prisma, [`code-address:${address}`, `sign-in:${phone}`], async (tx) => {
      const until = await this.lockedUntil(tx, phone, now);
      if (until) return this.lockedError(until, now);
      const hourAgo = new Date(now.getTime() - 60 * MINUTE);
      const fromAddress = await tx.loginCode.count({ where: { address, createdAt: { gte: hourAgo } } });
      if (fromAddress >= this.config.codesPerAddressPerHour) {
        return new AppError(429, 'rate-limited', '这台设备1小时内获取验证码的次数太多，请稍后再试。');
      }
      const recent = await tx.loginCode.findMany({
        where: { phone, createdAt: { gte: hourAgo } },
        orderBy: { createdAt: 'desc' },
      });
      if (recent.length && now.getTime() - recent[0].createdAt.getTime() < MINUTE) {
        return new AppError(429, 'rate-limited', '验证码已发送，请1分钟后再重新获取。');
      }
      if (recent.length >= this.config.codesPerHour) {
        return new AppError(429, 'rate-limited', '这个手机号1小时内获取验证码次数太多，请稍后再试。');
      }
      return tx.loginCode.create({
        data: { phone, address, codeHash: codeHash(this.config.codeHashKey, phone, code), createdAt: now, expiresAt },
      });
    });
    if (taken instanceof AppError) throw taken;
    try {
      // Sent after the lock is released: a slow gateway holds up no one else.
      await this.sms.send(
        phone,
        `【长护通】您的登录验证码是${code}，${this.config.codeTtlMinutes}分钟内有效。请勿告诉他人。`,
      );
    } catch (err) {
      // A code never delivered is not waiting to be used, nor counted against the phone.
      await this.prisma.loginCode.delete({ where: { id: taken.id } });
      throw err;
    }
    return { expiresAt };
  }

  /**
   * Checks the latest unused code; a first sign-in creates a resident account. The check, the attempt it
   * records and the code's use happen under the phone's lock, so a burst of guesses on every instance counts
   * each one against the limit and a code signs in once.
   */
  async signIn(phone: string, code: string): Promise<{ token: string; expiresAt: Date; user: AuthUser }> {
    const now = this.clock();
    const problem = await withKeyLock(this.prisma, [`sign-in:${phone}`], async (tx) => {
      const until = await this.lockedUntil(tx, phone, now);
      if (until) return this.lockedError(until, now);
      const latest = await tx.loginCode.findFirst({
        where: { phone, consumedAt: null },
        orderBy: { createdAt: 'desc' },
      });
      if (!latest) return badInput('请先获取验证码。', [{ path: 'code', message: '没有待使用的验证码' }]);
      if (latest.codeHash !== codeHash(this.config.codeHashKey, phone, code)) {
        await tx.signInAttempt.create({ data: { phone, ok: false, createdAt: now } });
        const lockedNow = await this.lockedUntil(tx, phone, now);
        if (lockedNow) return this.lockedError(lockedNow, now);
        return new AppError(400, 'invalid-code', '验证码不正确，请核对短信后重新输入。', [
          { path: 'code', message: '验证码不正确' },
        ]);
      }
      if (latest.expiresAt <= now) {
        return new AppError(400, 'code-expired', '验证码已过期，请重新获取。', [
          { path: 'code', message: '验证码已过期' },
        ]);
      }
      await tx.loginCode.update({ where: { id: latest.id }, data: { consumedAt: now } });
      await tx.signInAttempt.create({ data: { phone, ok: true, createdAt: now } });
      return null;
    });
    if (problem) throw problem;
    const user = await this.prisma.user.upsert({ where: { phone }, update: {}, create: { phone, role: 'resident' } });
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlMinutes * MINUTE);
    await this.prisma.session.create({
      data: { tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt },
    });
    return { token, expiresAt, user: toAuthUser(user) };
  }

  async userForToken(token: string): Promise<AuthUser | null> {
    // Every signed-in request asks this: on SQLite without Prisma's per-query plan compilation.
    const hot = hotReads(this.prisma);
    const session = hot
      ? await hot.sessionUser(sha256(token))
      : await this.prisma.session.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
    if (!session || session.revokedAt || session.expiresAt <= this.clock()) return null;
    return toAuthUser(session.user);
  }

  async signOut(token: string): Promise<void> {
    await this.prisma.session.updateMany({ where: { tokenHash: sha256(token) }, data: { revokedAt: this.clock() } });
  }
}
