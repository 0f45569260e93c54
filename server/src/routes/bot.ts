// The chatbot over HTTP: the contract call for users (signed in or not), the messages of a conversation
// since an id, and the agents' queue, hand-off actions and agent-assist.
import { z } from 'zod';
import type { Api } from '../lib/api';
import type { AppContext } from '../lib/context';
import {
  assistContext,
  assistView,
  BotService,
  CONVERSATION_STATES,
  conversationView,
  messageResponse,
  messagesView,
  OUTCOME_LABELS,
  OUTCOMES,
  queueItemView,
} from '../bot/service';
import { userOf, type RouteDeps } from './deps';

/** What a person may type in one message. */
export const MESSAGE_MAX = 500;

const messageText = z
  .string({ error: '请输入要问的问题（文字）' })
  .trim()
  .min(1, '消息是空的，请输入要问的问题。')
  .max(MESSAGE_MAX, `一次最多${MESSAGE_MAX}个字，请分几次问，或把问题说得短一点。`);
const sessionParam = z.strictObject({ sessionId: z.string().min(1).max(64).describe('对话编号') });
const conversationParam = z.strictObject({ conversationId: z.string().min(1).max(64).describe('对话编号') });
const presenceView = z.object({
  available: z.boolean().describe('是否接待转人工'),
  since: z.string().nullable().describe('最近一次设置的时间'),
});

export function registerBot(api: Api, deps: RouteDeps & { bot: BotService }): void {
  const { bot } = deps;
  const userIn = (ctx: AppContext) => ctx.state.user;

  api.route(
    {
      method: 'post',
      path: '/bot/messages',
      tag: 'bot',
      summary: '向长护险小助手发一条消息',
      description:
        '不带 sessionId 开始新对话（答复给出 sessionId，匿名对话的编号是不可猜的随机串）；带上它继续同一对话，' +
        '已知的情况（地区、等级、护理方式、费用……）保存在数据库中。登录用户开始的对话只属于本人（带同样的登录令牌）。' +
        '答复的金额由规则模块计算，按“1,116.00元”书写，并附依据条款。转人工或预约回电后给出 handoff。',
      body: z.strictObject({
        sessionId: z.string().min(1).max(64).optional().describe('对话编号；不填则开始新对话'),
        text: messageText.describe(`用户说的话，1–${MESSAGE_MAX}个字`),
      }),
      responses: {
        200: { description: '小助手的回复', schema: messageResponse },
        404: { description: '没有这段对话，或不是您的对话' },
        503: { description: '小助手暂时不可用（意图模型没有加载成功）' },
      },
    },
    async (ctx, { body }) => {
      ctx.body = await bot.message(userIn(ctx), body);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/bot/conversations/:sessionId/messages',
      tag: 'bot',
      summary: '读取对话中某条消息之后的新消息（人工客服的回复从这里到达用户）',
      description: '匿名对话凭对话编号读取；登录用户的对话只有本人（和客服坐席）能读取。',
      params: sessionParam,
      query: z.strictObject({
        after: z.coerce
          .number({ error: '消息编号应为数字' })
          .int('消息编号应为整数')
          .min(0, '消息编号不能是负数')
          .default(0)
          .describe('只返回编号大于它的消息；不填为全部'),
      }),
      responses: {
        200: { description: '对话状态和新消息（身份证号、手机号已脱敏）', schema: messagesView },
      },
    },
    async (ctx, { params, query }) => {
      ctx.body = await bot.messagesSince(userIn(ctx), params.sessionId, query.after);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/bot/agents/me',
      tag: 'bot-agent',
      summary: '我（客服坐席）是否在接待转人工',
      roles: ['agent'],
      responses: { 200: { description: '接待状态', schema: presenceView } },
    },
    async (ctx) => {
      ctx.body = await bot.presence(userOf(ctx));
    },
  );

  api.route(
    {
      method: 'put',
      path: '/bot/agents/me',
      tag: 'bot-agent',
      summary: '设置我是否接待转人工（没有坐席接待时，小助手改为预约回电）',
      roles: ['agent'],
      body: z.strictObject({
        available: z.boolean({ error: 'available 应为 true 或 false' }).describe('true 接待转人工 / false 暂不接待'),
      }),
      responses: { 200: { description: '已设置', schema: presenceView } },
    },
    async (ctx, { body }) => {
      ctx.body = await bot.setPresence(userOf(ctx), body.available);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/bot/handoffs',
      tag: 'bot-agent',
      summary: '转人工队列：等待中的在线转接和预约回电（等待最久的在前），以及接待中的对话',
      roles: ['agent'],
      query: z.strictObject({
        state: z
          .enum(CONVERSATION_STATES, { error: `状态可选：${CONVERSATION_STATES.join('、')}` })
          .optional()
          .describe('不填为等待中和接待中'),
      }),
      responses: { 200: { description: '队列（回电号码脱敏）', schema: z.array(queueItemView) } },
    },
    async (ctx, { query }) => {
      ctx.body = await bot.queue(query.state);
    },
  );

  api.route(
    {
      method: 'get',
      path: '/bot/handoffs/:conversationId',
      tag: 'bot-agent',
      summary: '一段对话：完整记录（每条用户消息的意图、置信度和已知情况）、已算出的结果、回电号码',
      roles: ['agent'],
      params: conversationParam,
      responses: { 200: { description: '对话（记录中的身份证号、手机号已脱敏）', schema: conversationView } },
    },
    async (ctx, { params }) => {
      ctx.body = await bot.conversation(params.conversationId);
    },
  );

  const action = (path: string, summary: string, run: (ctx: AppContext, id: string) => Promise<unknown>) =>
    api.route(
      {
        method: 'post',
        path: `/bot/handoffs/:conversationId/${path}`,
        tag: 'bot-agent',
        summary,
        roles: ['agent'],
        params: conversationParam,
        responses: {
          200: { description: '处理后的对话', schema: conversationView },
          409: { description: '对话不在可以这样处理的状态' },
        },
      },
      async (ctx, { params }) => {
        ctx.body = await run(ctx, params.conversationId);
      },
    );
  action('take', '接手一段等待中的对话（等待人工 → 人工接待中）', (ctx, id) => bot.take(userOf(ctx), id));
  action('release', '把对话交回小助手', (ctx, id) => bot.release(userOf(ctx), id));

  api.route(
    {
      method: 'post',
      path: '/bot/handoffs/:conversationId/replies',
      tag: 'bot-agent',
      summary: '客服回复用户（用户在同一对话中看到）',
      roles: ['agent'],
      params: conversationParam,
      body: z.strictObject({ text: messageText.describe('回复的文字') }),
      responses: {
        200: { description: '回复后的对话', schema: conversationView },
        409: { description: '还没有接手这段对话' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.body = await bot.agentReply(userOf(ctx), params.conversationId, body.text);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/bot/handoffs/:conversationId/close',
      tag: 'bot-agent',
      summary: '结束人工服务并记录结果',
      description: `结果可选：${OUTCOMES.map((o) => `${o}（${OUTCOME_LABELS[o]}）`).join('、')}。`,
      roles: ['agent'],
      params: conversationParam,
      body: z.strictObject({
        outcome: z
          .enum(OUTCOMES, { error: `请选择处理结果：${OUTCOMES.join('、')}` })
          .describe(`处理结果：${OUTCOMES.map((o) => `${o} ${OUTCOME_LABELS[o]}`).join(' / ')}`),
        note: z.string().trim().max(200, '备注不能超过200个字').optional().describe('备注（身份证号、手机号会脱敏）'),
      }),
      responses: {
        200: { description: '已结束的对话', schema: conversationView },
        409: { description: '对话没有在人工处理中，或由其他客服接待' },
      },
    },
    async (ctx, { params, body }) => {
      ctx.body = await bot.close(userOf(ctx), params.conversationId, body.outcome, body.note);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/bot/assist',
      tag: 'bot-agent',
      summary: '坐席辅助：输入来电人的问题，得到小助手的回答和依据条款的原文（不保存）',
      roles: ['agent'],
      body: z.strictObject({
        text: messageText.describe('来电人的问题'),
        context: assistContext
          .extend({
            form: assistContext.shape.form.describe('正在填的问答（上一次辅助回答给出的 context.form）'),
            awaiting: assistContext.shape.awaiting.describe(
              '正在等待回答的那一项（上一次辅助回答给出的 context.awaiting）',
            ),
          })
          .optional()
          .describe('上一次辅助回答给出的 context，用于接着问'),
      }),
      responses: { 200: { description: '回答、依据条款原文和接着问用的 context', schema: assistView } },
    },
    async (ctx, { body }) => {
      ctx.body = await bot.assist(body.text, body.context);
    },
  );
}
