// The fixed calls of api-contract.md, computed by @changhu/rules, which validates its own input.
import { z } from 'zod';
import {
  benefitStart,
  compareModes,
  CompareModesInputSchema,
  contributions,
  districtsOf,
  eligibility,
  EligibilityInputSchema,
  estimate,
  EstimateInputSchema,
  objectionDeadline,
  RulesInputError,
} from '@changhu/rules';
import { dateSchema, districtSchema, insuranceSchema, regionSchema } from '../lib/schemas';
import type { Api } from '../lib/api';
import {
  benefitStartView,
  comparisonView,
  contributionsView,
  eligibilityView,
  estimateView,
  objectionDeadlineView,
} from '../lib/rulesViews';
import { AppError } from '../lib/errors';
import { shanghaiDate } from '../lib/time';
import type { RouteDeps } from './deps';

function rulesCall<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RulesInputError) throw new AppError(400, 'invalid-input', err.message, err.details);
    throw err;
  }
}

export function registerCalculations(api: Api, { clock }: RouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/estimates',
      tag: 'calculations',
      summary: '费用估算：基金支付与个人负担（金额单位：分）',
      bodyDoc: EstimateInputSchema,
      responses: {
        200: {
          description: '估算结果，附说明与条款出处',
          schema: estimateView,
        },
      },
    },
    async (ctx) => {
      ctx.body = rulesCall(() => estimate(ctx.request.body ?? {}, { today: shanghaiDate(clock()) }));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/eligibility',
      tag: 'calculations',
      summary: '能否享受长护险待遇',
      bodyDoc: EligibilityInputSchema,
      responses: {
        200: {
          description: '结论、理由与下一步',
          schema: eligibilityView,
        },
      },
    },
    async (ctx) => {
      ctx.body = rulesCall(() => eligibility(ctx.request.body ?? {}, { today: shanghaiDate(clock()) }));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/comparisons',
      tag: 'calculations',
      summary: '同一笔护理费用，在本统筹区各种护理方式下的估算对比',
      bodyDoc: CompareModesInputSchema,
      responses: {
        200: {
          description: '每种护理方式的估算，及本地不提供的方式',
          schema: comparisonView,
        },
      },
    },
    async (ctx) => {
      ctx.body = rulesCall(() => compareModes(ctx.request.body ?? {}, { today: shanghaiDate(clock()) }));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/contributions',
      tag: 'calculations',
      summary: '长护险年度筹资标准（个人、单位、财政、医保基金各出多少，单位：分）',
      query: z.strictObject({
        region: regionSchema,
        insurance: z.string().describe('参保类型 id'),
        year: z.coerce.number({ error: '年份应为数字，例如 2026' }).int('年份应为整数'),
      }),
      responses: { 200: { description: '筹资标准，附出处', schema: contributionsView } },
    },
    async (ctx, { query }) => {
      ctx.body = rulesCall(() => contributions(query.region, query.insurance, query.year));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/deadlines/objection',
      tag: 'calculations',
      summary: '申请复评的最后一天（按中国工作日历计算）',
      query: z.strictObject({ region: regionSchema, noticeDate: dateSchema.describe('接到评估结论通知的日期') }),
      responses: {
        200: {
          description: '截止日（本地自定时为 null），附说明与出处',
          schema: objectionDeadlineView,
        },
      },
    },
    async (ctx, { query }) => {
      ctx.body = rulesCall(() => objectionDeadline(query.noticeDate, query.region));
    },
  );

  api.route(
    {
      method: 'get',
      path: '/deadlines/benefit-start',
      tag: 'calculations',
      summary: '核准后从哪个月开始享受待遇',
      query: z
        .strictObject({
          region: regionSchema,
          approvalDate: dateSchema.describe('核准日期'),
          insurance: insuranceSchema.optional().describe('参保类型：温州城乡居民要等纳入后才开始享受'),
          district: districtSchema.optional().describe('区县：温州市区和各县（市）居民纳入的时间不同'),
        })
        .refine((q) => !q.district || districtsOf(q.region).some((d) => d.id === q.district), {
          path: ['district'],
          error: '这个区县不属于所选的统筹区',
        }),
      responses: {
        200: {
          description: '起始月份与第一天，附说明与出处',
          schema: benefitStartView,
        },
      },
    },
    async (ctx, { query }) => {
      const { approvalDate, region, insurance, district } = query;
      ctx.body = rulesCall(() =>
        benefitStart(approvalDate, region, { ...(insurance ? { insurance } : {}), ...(district ? { district } : {}) }),
      );
    },
  );
}
