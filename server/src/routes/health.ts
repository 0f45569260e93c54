import { z } from 'zod';
import type { Api } from '../lib/api';
import { AppError } from '../lib/errors';
import type { RouteDeps } from './deps';

/** Longer than this and the database counts as not answering (a load balancer's probe waits no longer). */
const HEALTH_TIMEOUT_MS = 3000;

const unavailable = () => new AppError(503, 'database-unavailable', '系统暂时无法读取数据，正在恢复中，请稍后再试。');

export function registerHealth(api: Api, { prisma }: RouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/health',
      tag: 'system',
      summary: '健康检查：数据库可用时返回 ok，数据库没有应答时返回 503',
      responses: {
        200: { description: '服务可用', schema: z.object({ status: z.literal('ok') }) },
        503: { description: '数据库没有应答' },
      },
    },
    async (ctx) => {
      // A real table, not `SELECT 1`: that answers without reading the file or its schema.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('health check timed out')), HEALTH_TIMEOUT_MS);
      });
      try {
        await Promise.race([prisma.$queryRawUnsafe('SELECT 1 FROM "User" LIMIT 1'), timeout]);
      } catch {
        throw unavailable();
      } finally {
        clearTimeout(timer);
      }
      ctx.body = { status: 'ok' };
    },
  );
}
