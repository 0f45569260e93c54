// Development-only: the SMS outbox, so a tester can read the one-time code that a real gateway would text.
import { z } from 'zod';
import { isLoopback } from '../devSetup';
import type { Api } from '../lib/api';
import { notFound } from '../lib/errors';
import { phoneSchema } from '../lib/schemas';
import type { RouteDeps } from './deps';

export function registerDev(api: Api, { prisma, config }: RouteDeps): void {
  if (!config.devOutbox) return;
  api.route(
    {
      method: 'get',
      path: '/dev/sms-outbox',
      tag: 'dev',
      summary: '开发环境短信发件箱：某个手机号最近的一条短信（生产环境不存在此接口，只对本机开放）',
      query: z.strictObject({ phone: phoneSchema.describe('要查看的手机号（必填）') }),
      responses: {
        200: {
          description: '这个手机号最近的一条短信（没有则为空列表）',
          schema: z.array(z.object({ phone: z.string(), text: z.string(), createdAt: z.string() })),
        },
      },
    },
    async (ctx, { query }) => {
      // Only from this machine, even if the server was bound wider by mistake.
      if (!isLoopback(ctx.req.socket.remoteAddress)) throw notFound('没有这个接口，请检查地址。');
      const rows = await prisma.smsMessage.findMany({
        where: { phone: query.phone },
        orderBy: { createdAt: 'desc' },
        take: 1,
      });
      ctx.body = rows.map((m) => ({ phone: m.phone, text: m.text, createdAt: m.createdAt.toISOString() }));
    },
  );
}
