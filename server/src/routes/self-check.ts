// The answers a family can get before signing in that the fixed calls do not cover: the A–G pre-application
// screen and the 17-item self-check of 医保办发〔2021〕37号 (both computed by @changhu/rules, estimates only),
// the questions of each as the rules module holds them, and the names of the causes of disability.
import { z } from 'zod';
import {
  quickScreen,
  QuickScreenInputSchema,
  SELF_CHECK_STANDARD,
  selfCheck,
  SelfCheckInputSchema,
  type QuickScreenInput,
  type SelfCheckInput,
} from '@changhu/rules';
import type { Api } from '../lib/api';
import { rulesCall } from '../lib/errors';
import { noteView, stepView } from '../lib/rulesViews';
import type { RouteDeps } from './deps';

/** How the guided check asks why the person needs care (eligibility's disabilityCause). */
const CAUSES = [
  { id: 'illness', name: '因为生病', hint: '例如中风、失智、慢性病' },
  { id: 'injury', name: '因为受伤或残疾', hint: '例如摔伤、车祸、肢体残疾' },
  { id: 'old-age', name: '因为年纪大了', hint: '身体慢慢不行了，没有特别的病' },
  { id: 'short-term', name: '暂时的，预计很快会好', hint: '例如手术后、骨折后恢复期' },
] as const;

const QS = SELF_CHECK_STANDARD.quickScreen;
const MARK_CHOICES = QS.marks.map((m) => `${m.id} ${m.name}`).join(' / ');
const quickGroup = (items: readonly { id: string; name: string; question: string }[], group: 'a' | 'b') =>
  z
    .strictObject(
      Object.fromEntries(
        items.map((i) => [
          i.id,
          (QuickScreenInputSchema.shape[group].shape as Record<string, z.ZodType>)[i.id]!.describe(
            `${i.name}：${i.question}（${MARK_CHOICES}）`,
          ),
        ]),
      ),
    )
    .describe(`${group.toUpperCase()} 类项目（${items.map((i) => i.name).join('、')}）`);
/** The pre-application form as the document shows it: each item with its question (the rules validate). */
const quickScreenDoc = z.strictObject({ a: quickGroup(QS.aItems, 'a'), b: quickGroup(QS.bItems, 'b') });
/** The 17 items, each with its question and the points of its options. */
const selfCheckDoc = z.strictObject(
  Object.fromEntries(
    SELF_CHECK_STANDARD.domains.flatMap((d) =>
      d.items.map((i) => [
        i.id,
        (SelfCheckInputSchema.shape as Record<string, z.ZodType>)[i.id]!.describe(
          `${d.name}·${i.name}：${i.question}（所选选项的分值：${i.options.map((o) => `${o.points} ${o.text}`).join(' / ')}）`,
        ),
      ]),
    ),
  ),
);
const markSchema = { verified: z.boolean().describe('是否已与标准附件原文核对') };

export function registerSelfCheck(api: Api, _deps: RouteDeps): void {
  api.route(
    {
      method: 'get',
      path: '/disability-causes',
      tag: 'reference',
      summary: '失能原因（“能不能申请”问答中的选项）',
      responses: {
        200: {
          description: '失能原因及通俗说明',
          schema: z.array(z.object({ id: z.string(), name: z.string(), hint: z.string() })),
        },
      },
    },
    async (ctx) => {
      ctx.body = CAUSES;
    },
  );

  api.route(
    {
      method: 'get',
      path: '/self-check/questions',
      tag: 'self-check',
      summary: '自评表（A–G）与17项失能等级自测的题目和选项',
      description: '题目、选项与分值都来自规则模块；未与标准附件原文核对的选项 verified 为 false。',
      responses: {
        200: {
          description: '两套题目',
          schema: z.object({
            source: z.string().describe('自测依据的标准'),
            quickScreen: z.object({
              title: z.string(),
              marks: z.array(z.object({ id: z.string(), name: z.string(), text: z.string() })),
              items: z.array(
                z.object({ group: z.enum(['a', 'b']), id: z.string(), name: z.string(), question: z.string() }),
              ),
            }),
            domains: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                items: z.array(
                  z.object({
                    id: z.string(),
                    name: z.string(),
                    question: z.string(),
                    hint: z.string().nullable(),
                    ...markSchema,
                    options: z.array(z.object({ points: z.number().int(), text: z.string(), ...markSchema })),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (ctx) => {
      const q = SELF_CHECK_STANDARD.quickScreen;
      ctx.body = {
        source: SELF_CHECK_STANDARD.source.label,
        quickScreen: {
          title: q.title,
          marks: q.marks.map((m) => ({ id: m.id, name: m.name, text: m.text })),
          items: [
            ...q.aItems.map((i) => ({ group: 'a' as const, id: i.id, name: i.name, question: i.question })),
            ...q.bItems.map((i) => ({ group: 'b' as const, id: i.id, name: i.name, question: i.question })),
          ],
        },
        domains: SELF_CHECK_STANDARD.domains.map((d) => ({
          id: d.id,
          name: d.name,
          items: d.items.map((i) => ({
            id: i.id,
            name: i.name,
            question: i.question,
            hint: i.hint ?? null,
            verified: i.verified,
            options: i.options.map((o) => ({ points: o.points, text: o.text, verified: o.verified })),
          })),
        })),
      };
    },
  );

  api.route(
    {
      method: 'post',
      path: '/quick-screen',
      tag: 'self-check',
      summary: '申请前自评（A–G级）：六个项目，是否达到可以申请评估的级别',
      description: '只是自评，不是正式评估。',
      bodyDoc: quickScreenDoc,
      responses: {
        200: {
          description: '自评级别、是否建议申请，附说明',
          schema: z.object({
            level: z.string().describe('自评级别 A–G'),
            dependentA: z.number().int().describe('A 类项目（进食、大小便控制、洗澡）中选“依赖”的项数'),
            dependentB: z.number().int().describe('B 类项目（穿衣、用厕、床椅转移）中选“依赖”的项数'),
            shouldApply: z.boolean().describe('true 表示达到可以申请评估的级别（E、F、G）'),
            notes: z.array(noteView).describe('说明'),
            steps: z.array(stepView).describe('得出结果的每一步'),
          }),
        },
      },
    },
    async (ctx) => {
      ctx.body = rulesCall(() => quickScreen((ctx.request.body ?? {}) as QuickScreenInput));
    },
  );

  const domainResult = z.object({
    score: z.number().int().describe('这一方面的得分'),
    level: z.string().describe('这一方面的等级编号'),
    levelName: z.string().describe('这一方面的等级名称'),
  });
  api.route(
    {
      method: 'post',
      path: '/self-check',
      tag: 'self-check',
      summary: '失能等级自测（17项）：估算的失能等级',
      description: '只是估算，不是评估结论；verified 为 false 时，结果用到了尚未与标准附件原文核对的数值（见 notes）。',
      bodyDoc: selfCheckDoc,
      responses: {
        200: {
          description: '三个方面的得分与估算等级，附说明',
          schema: z.object({
            adl: domainResult.describe('日常生活活动'),
            cognition: domainResult.describe('认知'),
            perception: domainResult.describe('感知觉与沟通'),
            grade: z.string().describe('估算的失能等级编号'),
            gradeNumber: z.number().int().describe('失能等级的数字（0 基本正常 … 5 重度失能三级）'),
            gradeName: z.string().describe('失能等级名称'),
            verified: z.boolean().describe('false 表示用到了尚未与标准附件原文核对的数值'),
            notes: z.array(noteView).describe('说明'),
            steps: z.array(stepView).describe('得出结果的每一步'),
          }),
        },
      },
    },
    async (ctx) => {
      ctx.body = rulesCall(() => selfCheck((ctx.request.body ?? {}) as SelfCheckInput));
    },
  );
}
