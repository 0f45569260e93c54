import { z } from 'zod';
import type { Api } from '../lib/api';
import { PROXY_ROLES } from '../lib/roles';
import { idSchema } from '../lib/schemas';
import { userOf, type RouteDeps } from './deps';

const messageView = z.object({
  id: z.string(),
  personId: z.string(),
  applicationId: z.string().nullable(),
  templateId: z.string().describe('微信订阅消息模板 id'),
  page: z.string().describe('点击消息打开的小程序页面'),
  data: z
    .record(z.string(), z.object({ value: z.string() }))
    .describe(
      'thing1 申请事项（≤20字）、phrase2 状态（≤5字）、time3 时间（YYYY年MM月DD日 HH:mm）、thing4 备注（≤20字）',
    ),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export function registerInbox(api: Api, { services, clock }: RouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/inbox',
      tag: 'inbox',
      summary: '我代办的参保人收到的消息（微信订阅消息格式）',
      roles: PROXY_ROLES,
      query: z.strictObject({ personId: idSchema.optional().describe('只看这位参保人的消息（参保人编号）') }),
      responses: { 200: { description: '消息，新的在前', schema: z.array(messageView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await services.inbox.list(userOf(ctx), query.personId);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/inbox/:messageId/read',
      tag: 'inbox',
      summary: '标记消息已读',
      roles: PROXY_ROLES,
      params: z.strictObject({ messageId: idSchema.describe('消息编号') }),
      responses: { 204: { description: '已标记' } },
    },
    async (ctx, { params }) => {
      await services.inbox.markRead(userOf(ctx), params.messageId, clock());
      ctx.status = 204;
    },
  );
}
