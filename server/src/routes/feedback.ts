// "This looks wrong" from a result in the mini-program: the person's inputs, the server's answer and their
// own words, stored for officers to review. Open to anyone (no sign-in in the mini-program yet), so each
// client address may send only a few an hour, and phones and id numbers in the words are masked on the way in.
import { z } from 'zod';
import { REGION_NAMES } from '@changhu/rules';
import { withKeyLock } from '../db';
import type { Api } from '../lib/api';
import { AppError } from '../lib/errors';
import { maskPersonalData } from '../lib/personal';
import { regionSchema } from '../lib/schemas';
import type { RouteDeps } from './deps';

export const FEEDBACK_TOPICS = ['eligibility', 'comparison', 'quick-screen', 'self-check', 'clause', 'other'] as const;

/** What officers read for each topic. */
export const FEEDBACK_TOPIC_NAMES: Record<(typeof FEEDBACK_TOPICS)[number], string> = {
  eligibility: '能不能申请',
  comparison: '费用对比',
  'quick-screen': '申请前自评',
  'self-check': '失能等级自测',
  clause: '政策条款',
  other: '其他',
};

const MAX_JSON_CHARS = 20_000;
/** Feedback one client address may send an hour. */
const PER_ADDRESS_PER_HOUR = 20;
/** A JSON value the page sent back (inputs or answer), bounded in size so that nobody fills the disk. */
const jsonPart = (label: string) =>
  z
    .unknown()
    .refine((v) => v !== undefined, `请附上${label}`)
    .refine((v) => JSON.stringify(v ?? null).length <= MAX_JSON_CHARS, `${label}太长了，请只附上这一次的内容`);

export const feedbackInput = z.strictObject({
  topic: z
    .enum(FEEDBACK_TOPICS, { error: `反馈的内容类型可选：${FEEDBACK_TOPICS.join('、')}` })
    .describe(
      '反馈的内容类型：eligibility 能不能申请 / comparison 费用对比 / quick-screen 申请前自评 / self-check 失能等级自测 / clause 政策条款 / other 其他',
    ),
  page: z
    .string({ error: '请说明是在哪个页面看到的' })
    .trim()
    .min(1, '请说明是在哪个页面看到的')
    .max(200, '页面地址太长了')
    .describe('看到结果的页面地址（含参数，可重新打开同一结果），不超过200个字符'),
  region: regionSchema.optional().describe('结果所属的统筹区编号'),
  inputs: jsonPart('您填写的内容').describe('用户在页面上填写的内容（原样附上，不超过20000个字符）'),
  answer: jsonPart('系统给出的结果').describe('系统当时给出的结果（原样附上，不超过20000个字符）'),
  message: z
    .string({ error: '请写下您觉得哪里不对' })
    .trim()
    .min(2, '请写下您觉得哪里不对（至少两个字）')
    .max(500, '请控制在500字以内')
    .describe('用户觉得哪里不对（2–500个字；手机号、身份证号保存前脱敏）'),
});

const feedbackView = z.object({
  id: z.string(),
  topic: z.enum(FEEDBACK_TOPICS),
  topicName: z.string().describe('反馈内容类型的中文名称'),
  page: z.string().describe('用户所在的页面（含输入参数，可重新打开同一结果）'),
  region: z.string().nullable(),
  regionName: z.string().nullable(),
  inputs: z.unknown().describe('用户填写的内容'),
  answer: z.unknown().describe('当时系统给出的结果'),
  message: z.string().describe('用户的原话（手机号、身份证号已脱敏）'),
  createdAt: z.string(),
});

export function registerFeedback(api: Api, { prisma, clock }: RouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/feedback',
      tag: 'feedback',
      summary: '“结果好像不对”：提交一次结果的输入、答复和用户的说明',
      description: '无需登录。说明中的手机号、身份证号保存前脱敏。同一网络地址每小时最多提交 20 条，超过答复 429。',
      body: feedbackInput,
      responses: {
        201: {
          description: '已收到',
          schema: z.object({ id: z.string().describe('反馈编号'), message: z.string().describe('给用户看的中文回执') }),
        },
        429: { description: '同一网络地址提交太频繁' },
      },
    },
    async (ctx, { body }) => {
      const now = clock();
      const address = ctx.ip;
      // Counted from the stored rows under the address's lock, as sign-in codes are: every instance and a
      // restart see the same count, and a burst cannot slip past it.
      const row = await withKeyLock(prisma, [`feedback-address:${address}`], async (tx) => {
        const lastHour = await tx.feedback.count({
          where: { address, createdAt: { gt: new Date(now.getTime() - 60 * 60_000) } },
        });
        if (lastHour >= PER_ADDRESS_PER_HOUR) return null;
        return tx.feedback.create({
          data: {
            topic: body.topic,
            page: body.page,
            region: body.region ?? null,
            inputs: maskPersonalData(JSON.stringify(body.inputs ?? null)),
            answer: JSON.stringify(body.answer ?? null),
            message: maskPersonalData(body.message),
            address,
            createdAt: now,
          },
        });
      });
      if (!row) throw new AppError(429, 'rate-limited', '您提交得太频繁了，请过一会儿再试。');
      ctx.status = 201;
      ctx.body = { id: row.id, message: '谢谢您！我们已经收到，工作人员会核对这个结果。' };
    },
  );

  api.route(
    {
      method: 'get',
      path: '/feedback',
      tag: 'feedback',
      summary: '用户反馈的“结果好像不对”，最新的在前',
      roles: ['officer', 'admin'],
      query: z.strictObject({
        topic: z
          .enum(FEEDBACK_TOPICS, { error: `内容类型可选：${FEEDBACK_TOPICS.join('、')}` })
          .optional()
          .describe('只看这种内容类型的反馈'),
        limit: z.coerce
          .number({ error: '条数应为数字' })
          .int('条数应为整数')
          .min(1, '条数至少为1')
          .max(200, '每次最多200条')
          .default(50)
          .describe('最多返回几条（1–200），默认50条'),
      }),
      responses: { 200: { description: '反馈列表', schema: z.array(feedbackView) } },
    },
    async (ctx, { query }) => {
      const rows = await prisma.feedback.findMany({
        where: query.topic ? { topic: query.topic } : {},
        orderBy: { createdAt: 'desc' },
        take: query.limit,
      });
      ctx.body = rows.map((r) => ({
        id: r.id,
        topic: r.topic,
        topicName: FEEDBACK_TOPIC_NAMES[r.topic as (typeof FEEDBACK_TOPICS)[number]] ?? r.topic,
        page: r.page,
        region: r.region,
        regionName: r.region ? ((REGION_NAMES as Record<string, string>)[r.region] ?? null) : null,
        inputs: JSON.parse(r.inputs) as unknown,
        answer: JSON.parse(r.answer) as unknown,
        message: r.message,
        createdAt: r.createdAt.toISOString(),
      }));
    },
  );
}
