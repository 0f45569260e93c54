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
} from '@changhu/rules';
import { dateSchema, districtSchema, insuranceSchema, regionSchema } from '../lib/schemas';
import { describeFields, type Api } from '../lib/api';
import {
  benefitStartView,
  comparisonView,
  contributionsView,
  eligibilityView,
  estimateView,
  objectionDeadlineView,
} from '../lib/rulesViews';
import { rulesCall } from '../lib/errors';
import { shanghaiDate } from '../lib/time';
import type { RouteDeps } from './deps';

/** The estimate's fields as a family reads them (the comparison has the same, without careMode). */
const COMMON = {
  region: '统筹区编号，例如 wenzhou（温州市）；见 GET /api/v1/regions',
  district: '区县编号，例如 lucheng（鹿城区）；统筹区有区县时填写，空字符串或 null 视为不填',
  insurance: '参保类型编号，例如 employee（职工医保）；不填按职工医保的规定',
  grade: '失能等级编号，例如 severe-2（重度失能二级）；不填时只给出能确定的部分',
  monthlyBillFen: '当月护理费用账单（分，整数，1元=100分）',
  month: '估算的月份 YYYY-MM；不填为 asOf 所在的月份',
  daysCovered: '当月享受待遇的天数（整数，不超过当月天数）；不填为整月，不满一个月时限额按天折算',
  hospitalTier: '医疗专护（medical-special）所在医院的等级：1、2 或 3',
  asOf: '按哪一天的规定计算 YYYY-MM-DD；不填为今天（北京时间）',
};

export function registerCalculations(api: Api, { clock }: RouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/estimates',
      tag: 'calculations',
      summary: '费用估算：基金支付与个人负担（金额单位：分）',
      bodyDoc: describeFields(EstimateInputSchema, {
        ...COMMON,
        careMode: '护理方式编号，例如 home（居家上门护理）；见 GET /api/v1/regions/{region}/care-modes',
      }),
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
      bodyDoc: describeFields(EligibilityInputSchema, {
        region: COMMON.region,
        district: COMMON.district,
        insurance: '参保类型编号，例如 employee（职工医保）；城乡居民是否纳入因地因时而异',
        grade: '评估得到的失能等级编号，例如 severe-2；还没评估可不填',
        disabilityMonths: '失能已持续几个月（0–1200）；多地要求失能满6个月',
        disabilityCause: '失能原因编号（见 GET /api/v1/disability-causes）',
        asOf: COMMON.asOf,
      }),
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
      bodyDoc: describeFields(CompareModesInputSchema, COMMON),
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
        region: regionSchema.describe('统筹区编号，例如 wenzhou（温州市）'),
        insurance: z.string().describe('参保类型编号，例如 employee（职工医保）；见 GET /api/v1/insurance-types'),
        year: z.coerce.number({ error: '年份应为数字，例如 2026' }).int('年份应为整数').describe('年份，例如 2026'),
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
      query: z.strictObject({
        region: regionSchema.describe('统筹区编号，例如 wenzhou（温州市）'),
        noticeDate: dateSchema.describe('接到评估结论通知的日期 YYYY-MM-DD'),
      }),
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
          region: regionSchema.describe('统筹区编号，例如 wenzhou（温州市）'),
          approvalDate: dateSchema.describe('核准日期 YYYY-MM-DD'),
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
