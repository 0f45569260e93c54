// Service records (visits): who came, when, which items for how long, whether identity was checked
// before the service (jilin-2022 §(九)); items beyond the approved plan are paid by the person, with the
// consent of the person or guardian (jilin-2022 §(十)4); afterwards the person or a proxy rates the visit
// once, 1–5 (jilin-2022 §(九) 满意度评价), which feeds the provider's score.
import { z } from 'zod';
import { chineseDate, chineseMonth, FenSchema } from '@changhu/rules';
import type { Db } from '../db';
import type { Prisma, Provider, ServiceVisit } from '../generated/prisma/client';
import { badInput, conflict, forbidden, notFound, type ErrorDetail } from '../lib/errors';
import { PROXY_ROLES, type AuthUser } from '../lib/roles';
import { idSchema, instantSchema, nameSchema } from '../lib/schemas';
import { citesOf } from './care-conditions';
import { IDENTITY_METHOD_NAMES, IDENTITY_METHODS, SELF_PAID_CONSENT_METHODS } from '../lib/visits';
import { shanghaiDate, type Clock } from '../lib/time';
import type { Config } from '../config';
import { isCoveredDay, planFor } from './benefit-months';
import { BenefitService, benefitScope } from './benefits';

export { IDENTITY_METHODS, IDENTITY_METHOD_NAMES, SELF_PAID_CONSENT_METHODS };

const isoDateTime = (label: string) => instantSchema(label, '2026-06-02T09:00:00+08:00');

export const createServiceRecordInput = z
  .strictObject({
    workerName: nameSchema.describe('上门服务人员姓名'),
    startAt: isoDateTime('开始时间（startAt）').describe('服务开始时间，带时区，例如 2026-06-02T09:00:00+08:00'),
    endAt: isoDateTime('结束时间（endAt）').describe('服务结束时间，带时区，晚于开始时间，不超过24小时'),
    items: z
      .array(
        z.strictObject({
          name: z
            .string({ error: '请填写服务项目' })
            .trim()
            .min(1, '请填写服务项目')
            .max(40, '服务项目不能超过40个字')
            .describe('服务项目名称，例如“助浴”；不在服务计划内的项目记为个人自费'),
          minutes: z
            .number({ error: '服务时长应为分钟数' })
            .int('服务时长应为整数分钟')
            .min(1, '服务时长至少1分钟')
            .max(24 * 60, '服务时长不能超过一天')
            .describe('这一项的服务时长（分钟）'),
          priceFen: FenSchema.optional().describe('计划外自费项目的收费（分），按市场服务价格'),
        }),
        { error: '服务项目（items）应为列表' },
      )
      .min(1, '请至少填写一个服务项目')
      .max(50, '一次服务最多50个项目')
      .describe('这次服务做了哪些项目，各多长时间（1–50项）'),
    identityChecked: z
      .boolean({ error: '请说明服务前是否核实了服务对象身份（identityChecked: true/false）' })
      .describe('服务前是否核实了服务对象的身份'),
    identityMethod: z
      .enum(IDENTITY_METHODS, { error: `核实身份的方式可选：${IDENTITY_METHODS.join('、')}` })
      .optional()
      .describe(
        '核实身份的方式（核实了身份时必填）：id-card 查验身份证 / social-security-card 社保卡 / face-recognition 人脸识别 / medical-insurance-code 医保码',
      ),
    selfPaidConsent: z
      .strictObject({
        givenBy: nameSchema.describe('同意自费的人（服务对象本人或监护人）'),
        method: z
          .enum(SELF_PAID_CONSENT_METHODS, {
            error: `同意方式可选：${SELF_PAID_CONSENT_METHODS.join('、')}`,
          })
          .describe('同意方式：in-person 当面同意 / written 书面同意 / phone-recorded 电话录音'),
      })
      .optional()
      .describe('有服务计划外的项目时必填：服务对象或监护人同意自费的记录'),
  })
  .superRefine((v, ctx) => {
    if (v.identityChecked && !v.identityMethod) {
      ctx.addIssue({ code: 'custom', path: ['identityMethod'], message: '核实了身份时，请选择核实方式' });
    }
    const start = Date.parse(v.startAt);
    const end = Date.parse(v.endAt);
    if (end <= start) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' });
    } else if (end - start > 24 * 3600_000) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一次上门服务不能超过24小时' });
    } else {
      const total = v.items.reduce((s, i) => s + i.minutes, 0);
      if (total > Math.round((end - start) / 60_000)) {
        ctx.addIssue({ code: 'custom', path: ['items'], message: '各项目时长之和超过了这次服务的总时长' });
      }
    }
  });

export const ratingInput = z.strictObject({
  score: z
    .number({ error: '评分应为 1 到 5 的整数' })
    .int('评分应为 1 到 5 的整数')
    .min(1, '评分应为 1 到 5 的整数')
    .max(5, '评分应为 1 到 5 的整数')
    .describe('评分：1 到 5 的整数，5 最满意'),
  comment: z.string().trim().max(200, '评价不能超过200个字').optional().describe('评价的文字，不超过200个字'),
});

export const listServiceRecordsQuery = z.strictObject({
  providerId: idSchema.optional().describe('只看这家定点机构的服务记录（机构编号）'),
  benefitId: idSchema.optional().describe('只看这项待遇的服务记录（待遇编号）'),
});

export const serviceRecordView = z.object({
  id: z.string().describe('编号'),
  benefitId: z.string().describe('待遇编号'),
  personName: z.string().describe('参保人姓名'),
  providerId: z.string().describe('定点机构编号'),
  providerName: z.string().describe('定点机构名称'),
  workerName: z.string().describe('上门服务人员姓名'),
  startAt: z.string().describe('服务开始时间（ISO 8601）'),
  endAt: z.string().describe('服务结束时间（ISO 8601）'),
  date: z.string().describe('服务日期（北京时间）'),
  totalMinutes: z.number().int().describe('各项目时长合计（分钟）'),
  items: z.array(
    z.object({
      name: z.string(),
      minutes: z.number().int(),
      selfPaid: z.boolean().describe('服务计划外，由个人自费'),
      priceFen: z.number().int().nullable(),
    }),
  ),
  identityChecked: z.boolean().describe('服务前是否核实了身份'),
  identityMethod: z.string().nullable().describe('核实身份的方式编号；未核实为 null'),
  identityMethodName: z.string().nullable().describe('核实身份的方式名称；未核实为 null'),
  selfPaidConsent: z.object({ givenBy: z.string(), method: z.string() }).nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string().nullable(), ratedAt: z.string() }).nullable(),
  citations: z.array(z.object({ doc: z.string(), clause: z.string() })).describe('本地区文件的相关条款'),
});
export type ServiceRecordView = z.output<typeof serviceRecordView>;

interface StoredItem {
  name: string;
  minutes: number;
  selfPaid: boolean;
  priceFen: number | null;
}

type VisitRow = ServiceVisit & {
  provider: Provider;
  benefit: { region: string; person: { name: string }; plans: { fromMonth: string; careMode: string }[] };
};
const INCLUDE = { provider: true, benefit: { include: { person: true, plans: true } } } as const;

export class ServiceRecordService {
  private readonly benefits: BenefitService;
  constructor(
    private readonly prisma: Db,
    config: Config,
    private readonly clock: Clock,
  ) {
    this.benefits = new BenefitService(prisma, config, clock);
  }

  toView(v: VisitRow): ServiceRecordView {
    const items = JSON.parse(v.items) as StoredItem[];
    const method = v.identityMethod as (typeof IDENTITY_METHODS)[number] | null;
    return {
      id: v.id,
      benefitId: v.benefitId,
      personName: v.benefit.person.name,
      providerId: v.providerId,
      providerName: v.provider.name,
      workerName: v.workerName,
      startAt: v.startAt.toISOString(),
      endAt: v.endAt.toISOString(),
      date: v.date,
      totalMinutes: v.totalMinutes,
      items,
      identityChecked: v.identityChecked,
      identityMethod: v.identityMethod,
      identityMethodName: method ? IDENTITY_METHOD_NAMES[method] : null,
      selfPaidConsent: v.selfPaidConsent
        ? (JSON.parse(v.selfPaidConsent) as { givenBy: string; method: string })
        : null,
      rating:
        v.rating !== null
          ? { score: v.rating, comment: v.ratingComment, ratedAt: (v.ratedAt ?? v.createdAt).toISOString() }
          : null,
      // Cited only where the region's document says so (the rules' careConditions), e.g. jilin home care.
      citations: citesOf(v.benefit.region, planFor(v.benefit.plans, v.date.slice(0, 7))?.careMode ?? '', [
        'identity-check',
        ...(items.some((i) => i.selfPaid) ? (['beyond-plan-self-paid'] as const) : []),
      ]),
    };
  }

  private scope(user: AuthUser): Prisma.ServiceVisitWhereInput {
    if (user.role === 'provider') return { provider: { accounts: { some: { userId: user.id } } } };
    return { benefit: benefitScope(user) };
  }

  /** A provider account records visits for its own clients in months it serves them; officers for anyone. */
  async create(user: AuthUser, benefitId: string, input: z.output<typeof createServiceRecordInput>) {
    if (user.role !== 'officer' && user.role !== 'provider') throw forbidden('您的账号不能录入服务记录。');
    const b = await this.benefits.readableForRecords(user, benefitId);
    const startAt = new Date(input.startAt);
    const endAt = new Date(input.endAt);
    if (endAt > this.clock()) {
      throw badInput('服务结束后才能录入服务记录，结束时间不能晚于现在。', [
        { path: 'endAt', message: '不能晚于现在' },
      ]);
    }
    const date = shanghaiDate(startAt);
    const plan = planFor(b.plans, date.slice(0, 7));
    if (!plan) {
      throw badInput(`待遇从${chineseMonth(b.startMonth)}开始，${chineseDate(date)}还没有待遇。`, [
        { path: 'startAt', message: `应不早于${chineseMonth(b.startMonth)}` },
      ]);
    }
    if (user.role === 'provider' && (await this.benefits.providerIdOf(user)) !== plan.providerId) {
      throw notFound('这一天服务对象不在您机构的服务范围内。');
    }
    if (!isCoveredDay(b, date)) {
      throw conflict(
        'not-covered-day',
        `${chineseDate(date)}这项待遇不在享受期内（暂停、住院或入住机构期间停止居家护理服务，或待遇已终止），不能记为待遇内的服务。`,
        [{ path: 'startAt', message: `${chineseDate(date)}不在享受期内` }],
      );
    }
    const planItems = new Set(JSON.parse(plan.planItems) as string[]);
    const items: StoredItem[] = input.items.map((i) => ({
      name: i.name,
      minutes: i.minutes,
      selfPaid: !planItems.has(i.name),
      priceFen: i.priceFen ?? null,
    }));
    const details: ErrorDetail[] = [];
    if (items.some((i) => i.selfPaid) && !input.selfPaidConsent) {
      const names = items.filter((i) => i.selfPaid).map((i) => i.name);
      details.push({
        path: 'selfPaidConsent',
        message: `“${names.join('、')}”不在服务计划内，须由服务对象或监护人同意后个人自费，请记录同意情况`,
      });
    }
    if (details.length) throw badInput(details[0].message, details);
    const row = await this.prisma.serviceVisit.create({
      data: {
        benefitId: b.id,
        providerId: plan.providerId,
        workerName: input.workerName,
        startAt,
        endAt,
        date,
        items: JSON.stringify(items),
        totalMinutes: items.reduce((s, i) => s + i.minutes, 0),
        identityChecked: input.identityChecked,
        identityMethod: input.identityChecked ? (input.identityMethod ?? null) : null,
        selfPaidConsent:
          input.selfPaidConsent && items.some((i) => i.selfPaid) ? JSON.stringify(input.selfPaidConsent) : null,
        recordedById: user.id,
      },
      include: INCLUDE,
    });
    return this.toView(row);
  }

  async list(user: AuthUser, query: z.output<typeof listServiceRecordsQuery>) {
    const rows = await this.prisma.serviceVisit.findMany({
      where: {
        AND: [
          this.scope(user),
          query.providerId ? { providerId: query.providerId } : {},
          query.benefitId ? { benefitId: query.benefitId } : {},
        ],
      },
      include: INCLUDE,
      orderBy: { startAt: 'desc' },
      take: 1000,
    });
    return rows.map((r) => this.toView(r));
  }

  async forBenefit(user: AuthUser, benefitId: string) {
    await this.benefits.readableForRecords(user, benefitId);
    return this.list(user, { benefitId });
  }

  async get(user: AuthUser, id: string) {
    const row = await this.prisma.serviceVisit.findFirst({ where: { id, ...this.scope(user) }, include: INCLUDE });
    if (!row) throw notFound('没有找到这条服务记录，或您无权查看。');
    return this.toView(row);
  }

  /** The person's proxies rate a visit once; the provider's score is updated in the same transaction. */
  async rate(user: AuthUser, id: string, input: z.output<typeof ratingInput>) {
    if (!PROXY_ROLES.includes(user.role)) {
      throw forbidden('服务评价由服务对象本人或其家属、监护人填写。');
    }
    const visit = await this.prisma.serviceVisit.findFirst({ where: { id, ...this.scope(user) } });
    if (!visit) throw notFound('没有找到这条服务记录，或您无权评价。');
    if (visit.rating !== null) throw conflict('already-rated', '这次服务已经评价过了，每次服务只能评价一次。');
    const row = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.serviceVisit.updateMany({
        where: { id, rating: null },
        data: { rating: input.score, ratingComment: input.comment ?? null, ratedById: user.id, ratedAt: this.clock() },
      });
      if (count !== 1) throw conflict('already-rated', '这次服务已经评价过了，每次服务只能评价一次。');
      await tx.provider.update({
        where: { id: visit.providerId },
        data: { ratingSum: { increment: input.score }, ratingCount: { increment: 1 } },
      });
      return tx.serviceVisit.findUniqueOrThrow({ where: { id }, include: INCLUDE });
    });
    return this.toView(row);
  }
}
