import { z } from 'zod';
import type { Api } from '../lib/api';
import { ROLES } from '../lib/roles';
import { phoneSchema } from '../lib/schemas';
import { toUserView, userView } from '../services/users';
import { userOf, type RouteDeps } from './deps';

export function registerAuth(api: Api, { services, config }: RouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/auth/codes',
      tag: 'auth',
      summary: '获取登录验证码（短信）',
      description: `每个手机号1分钟1次、1小时最多${config.codesPerHour}次；同一网络地址1小时最多${config.codesPerAddressPerHour}次（够一个社区服务点使用）；验证码${config.codeTtlMinutes}分钟内有效。开发环境下短信写入开发发件箱。`,
      body: z.strictObject({ phone: phoneSchema.describe('接收验证码的手机号') }),
      responses: {
        202: { description: '验证码已发送', schema: z.object({ sent: z.literal(true), expiresAt: z.string() }) },
        429: { description: '获取太频繁或账号已暂时锁定' },
      },
    },
    async (ctx, { body }) => {
      const { expiresAt } = await services.auth.requestCode(body.phone, ctx.ip);
      ctx.status = 202;
      ctx.body = { sent: true, expiresAt: expiresAt.toISOString() };
    },
  );

  api.route(
    {
      method: 'post',
      path: '/auth/sessions',
      tag: 'auth',
      summary: '用手机号和验证码登录，得到令牌',
      description: '首次登录的手机号自动开通居民账号。连续输错5次验证码锁定15分钟。',
      body: z.strictObject({
        phone: phoneSchema.describe('获取验证码时用的手机号'),
        code: z
          .string()
          .regex(/^\d{6}$/, '验证码是6位数字')
          .describe('短信里的6位数字验证码'),
      }),
      responses: {
        201: {
          description: '登录成功',
          schema: z.object({ token: z.string(), expiresAt: z.string(), user: userView }),
        },
        429: { description: '错误次数过多，已暂时锁定' },
      },
    },
    async (ctx, { body }) => {
      const session = await services.auth.signIn(body.phone, body.code);
      ctx.status = 201;
      ctx.body = { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toUserView(session.user) };
    },
  );

  api.route(
    {
      method: 'delete',
      path: '/auth/sessions/current',
      tag: 'auth',
      summary: '退出登录',
      roles: ROLES,
      responses: { 204: { description: '已退出' } },
    },
    async (ctx) => {
      const token = ctx.get('authorization').replace(/^Bearer\s+/i, '');
      await services.auth.signOut(token);
      ctx.status = 204;
    },
  );

  api.route(
    {
      method: 'get',
      path: '/me',
      tag: 'auth',
      summary: '当前登录的账号',
      roles: ROLES,
      responses: { 200: { description: '账号信息（手机号脱敏）', schema: userView } },
    },
    async (ctx) => {
      ctx.body = toUserView(userOf(ctx));
    },
  );
}
