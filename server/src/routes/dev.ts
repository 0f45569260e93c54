// Development-only: the SMS outbox, so a tester can read the one-time code that a real gateway would text.
import { z } from 'zod';
import type { Api } from '../lib/api';
import { phoneSchema } from '../lib/schemas';
import type { RouteDeps } from './deps';

export function registerDev(api: Api, { prisma, config }: RouteDeps): void {
  if (!config.devOutbox) return;
  api.route(
    {
      method: 'get',
      path: '/dev/sms-outbox',
      tag: 'dev',
      summary: '开发环境短信发件箱（生产环境不存在此接口）',
      query: z.strictObject({ phone: phoneSchema.optional() }),
      responses: {
        200: {
          description: '最近的短信，新的在前',
          schema: z.array(z.object({ phone: z.string(), text: z.string(), createdAt: z.string() })),
        },
      },
    },
    async (ctx, { query }) => {
      const rows = await prisma.smsMessage.findMany({
        where: query.phone ? { phone: query.phone } : {},
        orderBy: { createdAt: 'desc' },
        take: 50,
      });
      ctx.body = rows.map((m) => ({ phone: m.phone, text: m.text, createdAt: m.createdAt.toISOString() }));
    },
  );
}
