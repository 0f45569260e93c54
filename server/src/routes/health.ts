import { z } from 'zod';
import type { Api } from '../lib/api';
import type { RouteDeps } from './deps';

export function registerHealth(api: Api, { prisma }: RouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/health',
      tag: 'system',
      summary: '健康检查：数据库可用时返回 ok',
      responses: { 200: { description: '服务可用', schema: z.object({ status: z.literal('ok') }) } },
    },
    async (ctx) => {
      await prisma.$queryRawUnsafe('SELECT 1');
      ctx.body = { status: 'ok' };
    },
  );
}
