// The answers of @changhu/rules as the API returns them, for the OpenAPI document: field for field the rules'
// result types (EstimateResult, EligibilityResult, ModeComparison, ContributionResult, ObjectionDeadline,
// BenefitStart). server/test/openapi-responses.test.ts checks real answers against them.
import { z } from 'zod';

export const citeView = z
  .object({
    doc: z.string().describe('政策文件编号，例如 wenzhou-2023'),
    clause: z.string().describe('条款，例如 §二(五)'),
  })
  .describe('出处：政策文件与条款');

export const noteView = z
  .object({
    code: z.string().describe('说明的固定代码，例如 draft-document、set-locally、prorated'),
    text: z.string().describe('给用户看的中文说明'),
    cite: z.array(citeView).optional().describe('这条说明依据的条款'),
  })
  .describe('说明');

export const stepView = z
  .object({
    text: z.string().describe('这一步查了什么、算了什么（中文）'),
    cite: z.array(citeView).optional().describe('这一步依据的条款'),
  })
  .describe('计算步骤');

const notes = z.array(noteView).describe('说明（文件状态、本地确定、按天折算等）');
const citations = z.array(citeView).describe('结果引用的全部条款');
const steps = z.array(stepView).describe('得出结果的每一步');
const fen = (what: string) => z.number().int().describe(`${what}（分）`);
const fenOrNull = (what: string) =>
  z.number().int().nullable().describe(`${what}（分）；规则库没有这个数（由当地确定）时为 null`);

export const estimateView = z.object({
  monthlyCapFen: fenOrNull('政策规定的每月最高限额（未按天折算）'),
  proratedCapFen: fen('只享受部分天数时，按天折算后的当月限额').optional(),
  eligibleCostFen: fenOrNull('可报销费用：账单与限额取较小者'),
  fundRatio: z.number().nullable().describe('基金支付比例，例如 0.8；由当地确定时为 null'),
  fundPaysFen: fenOrNull('基金支付'),
  personPaysFen: fenOrNull('个人负担'),
  indicative: z.boolean().describe('true 表示只是大致估计（例如吉林“70%左右”），不是按比例计算的结果'),
  indicativeFundPaysFen: fen('大致估计的基金支付（indicative 为 true 时给出）').optional(),
  notes,
  citations,
  steps,
  month: z.string().describe('估算的月份 YYYY-MM'),
  daysInMonth: z.number().int().describe('当月天数'),
  daysCovered: z.number().int().describe('当月享受待遇的天数'),
});

export const eligibilityView = z.object({
  verdict: z
    .enum(['eligible', 'not-eligible', 'apply-for-assessment', 'unknown'])
    .describe(
      '结论：eligible 可以享受 / not-eligible 不能享受 / apply-for-assessment 可以申请评估 / unknown 需要问当地',
    ),
  reasons: z
    .array(
      z.object({
        code: z.string().describe('理由的固定代码'),
        text: z.string().describe('给用户看的中文理由'),
        citation: citeView.nullable().describe('理由依据的条款；没有条款依据时为 null'),
      }),
    )
    .describe('结论的理由'),
  nextSteps: z.array(z.string()).describe('下一步可以做什么（中文）'),
  citations,
  steps,
  asOf: z.string().describe('按哪一天的规定判断 YYYY-MM-DD'),
});

export const comparisonView = z.object({
  month: z.string().describe('比较的月份 YYYY-MM'),
  modes: z
    .array(
      z.object({
        careMode: z.string().describe('护理方式编号'),
        name: z.string().describe('护理方式在当地的名称'),
        offer: z.enum(['offered', 'set-locally']).describe('offered 当地提供 / set-locally 由当地确定是否提供'),
        hospitalTier: z.number().int().optional().describe('医疗专护按几级医院估算（1、2、3）'),
        estimate: estimateView.describe('这种护理方式下的估算'),
      }),
    )
    .describe('当地可能提供的每种护理方式及其估算'),
  notOffered: z
    .array(
      z.object({
        careMode: z.string().describe('护理方式编号'),
        name: z.string().describe('护理方式名称'),
      }),
    )
    .describe('当地文件不提供的护理方式'),
});

const contributionView = z.object({
  totalFen: fen('每人每年筹资合计'),
  shares: z
    .array(
      z.object({
        payer: z.string().describe('出资方编号：individual 个人 / employer 单位 / government 财政 / fund 医保基金等'),
        payerName: z.string().describe('出资方名称'),
        fen: fenOrNull('这一方每人每年出资'),
        how: z.string().optional().describe('怎么出（例如从个人账户代扣）'),
        decidedBy: z.string().optional().describe('文件没有给出金额时，由谁确定'),
      }),
    )
    .describe('各方出资'),
  extras: z
    .array(
      z.object({
        payerName: z.string().describe('出资方名称'),
        fen: fen('补助金额'),
        atLeast: z.boolean().optional().describe('true 表示“不低于”这个金额'),
        to: z.string().describe('补助给谁或用于什么'),
      }),
    )
    .optional()
    .describe('人均标准以外，文件另外规定的补助'),
});

export const contributionsView = z.object({
  region: z.string().describe('统筹区编号'),
  insurance: z.string().describe('参保类型编号'),
  year: z.number().int().describe('年份'),
  contribution: contributionView.nullable().describe('这一年的筹资标准；规则库没有（由当地确定）时为 null'),
  lastKnown: contributionView.optional().describe('当年标准由当地确定时，文件最后公布的标准（仅供参考）'),
  personPaysFen: fenOrNull('个人每年负担'),
  notes,
  citations,
  steps,
});

export const objectionDeadlineView = z.object({
  noticeDate: z.string().describe('接到评估结论通知的日期 YYYY-MM-DD'),
  deadline: z.string().nullable().describe('申请复评的最后一天（含）；由当地确定时为 null'),
  workingDays: z.number().int().nullable().describe('期限有几个工作日；由当地确定时为 null'),
  provisional: z.boolean().describe('true 表示日历还没有公布那一年的节假日，最后一天可能更晚，只作估计'),
  notes,
  citations,
  steps,
});

export const benefitStartView = z.object({
  approvalDate: z.string().describe('评估通过（核准）的日期 YYYY-MM-DD'),
  month: z.string().describe('开始享受待遇的月份 YYYY-MM'),
  firstDay: z.string().describe('开始享受待遇的第一天 YYYY-MM-DD'),
  basis: z
    .enum(['rule', 'product-default'])
    .describe('rule 当地文件规定 / product-default 文件未写，本系统按次月起估计'),
  notes,
  citations,
  steps,
});
