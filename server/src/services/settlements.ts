// Monthly settlements: the provider's bill for one benefit and month, split by @changhu/rules into the
// fund's share and the family's share (cap, ratio, part-month proration), stored with the notes and
// citations that produced it. One per benefit and month; a correction replaces it and keeps the old values.
// The family is told in the inbox when a month is settled or corrected (services/notices.ts).
import { z } from 'zod';
import {
  chineseDate,
  chineseMonth,
  FenSchema,
  GRADE_NAMES,
  MonthSchema,
  modeName,
  type CareModeId,
  type GradeId,
  type RegionId,
} from '@changhu/rules';
import type { Config } from '../config';
import type { Db } from '../db';
import type { Prisma, Provider, Settlement, SettlementRevision } from '../generated/prisma/client';
import { badInput, conflict, forbidden, notFound } from '../lib/errors';
import type { AuthUser } from '../lib/roles';
import { stepView } from '../lib/rulesViews';
import { idSchema } from '../lib/schemas';
import { shanghaiDate, type Clock } from '../lib/time';
import type { FullBenefit } from './benefit-months';
import { BenefitService, benefitScope } from './benefits';
import { putInInbox } from './inbox';
import { settlementNotice } from './notices';
import { computedFields, previousValues, splitMonth } from './settlement-split';

/** '2026-01' → '2025-12'. */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export const createSettlementInput = z.strictObject({
  month: MonthSchema.describe('结算月份 YYYY-MM'),
  monthlyBillFen: FenSchema.describe('定点机构当月账单（分）'),
});

export const correctSettlementInput = z.strictObject({
  monthlyBillFen: FenSchema.describe('更正后的当月账单（分）'),
  reason: z
    .string({ error: '请填写更正原因' })
    .trim()
    .min(1, '请填写更正原因')
    .max(200, '原因不能超过200个字')
    .describe('更正原因，不超过200个字（家属在通知中看到）'),
});

export const listSettlementsQuery = z.strictObject({
  providerId: idSchema.optional().describe('只看这家定点机构的结算（机构编号）'),
  month: MonthSchema.optional().describe('只看这个月份 YYYY-MM'),
  benefitId: idSchema.optional().describe('只看这项待遇的结算（待遇编号）'),
});

const noteView = z.object({ code: z.string(), text: z.string() });
const citeView = z.object({ doc: z.string(), clause: z.string() });

export const settlementView = z.object({
  id: z.string().describe('编号'),
  benefitId: z.string().describe('待遇编号'),
  personName: z.string().describe('参保人姓名'),
  month: z.string().describe('月份 YYYY-MM'),
  providerId: z.string().describe('定点机构编号'),
  providerName: z.string().describe('当月的定点机构名称'),
  careMode: z.string().describe('护理方式编号'),
  careModeName: z.string().describe('护理方式在当地的名称'),
  grade: z.string().describe('结算所用的失能等级（当月适用的等级；复评改变等级后自次月起按新等级）'),
  gradeName: z.string().describe('失能等级名称'),
  monthlyBillFen: z.number().int().describe('当月账单'),
  daysCovered: z.number().int().describe('当月享受待遇的天数（扣除暂停和未开始、已终止的日子）'),
  daysInMonth: z.number().int().describe('当月天数'),
  monthlyCapFen: z.number().int().nullable().describe('每月限额；当地确定的为 null'),
  proratedCapFen: z.number().int().nullable().describe('不满一个月时按天数折算的限额'),
  eligibleCostFen: z.number().int().nullable().describe('可报销费用（分）；当地确定的为 null'),
  fundRatio: z.number().nullable().describe('基金支付比例；当地确定的为 null'),
  fundPaysFen: z.number().int().nullable().describe('基金支付'),
  personPaysFen: z.number().int().nullable().describe('个人负担（账单减基金支付）'),
  indicative: z.boolean().describe('true 表示只是大致估计'),
  indicativeFundPaysFen: z.number().int().nullable().describe('大致估计的基金支付（分）；不是估计时为 null'),
  notes: z.array(noteView).describe('说明'),
  citations: z.array(citeView).describe('结算依据的条款'),
  steps: z.array(stepView).describe('得出结果的每一步'),
  enteredByRole: z.string().describe('录入账单的角色'),
  createdAt: z.string().describe('建立时间（ISO 8601）'),
  updatedAt: z.string().describe('最后修改时间（ISO 8601）'),
  corrected: z.boolean().describe('是否更正过'),
});
export type SettlementView = z.output<typeof settlementView>;

export const settlementPreviewView = settlementView.omit({
  id: true,
  enteredByRole: true,
  createdAt: true,
  updatedAt: true,
  corrected: true,
});

export const settlementRevisionView = z.object({
  id: z.string(),
  reason: z.string(),
  actorRole: z.string(),
  at: z.string(),
  previous: z
    .object({
      monthlyBillFen: z.number().int(),
      grade: z.string().nullable().optional().describe('早期的结算没有记录等级'),
      daysCovered: z.number().int(),
      monthlyCapFen: z.number().int().nullable(),
      proratedCapFen: z.number().int().nullable(),
      eligibleCostFen: z.number().int().nullable(),
      fundRatio: z.number().nullable(),
      fundPaysFen: z.number().int().nullable(),
      personPaysFen: z.number().int().nullable(),
      indicativeFundPaysFen: z.number().int().nullable(),
      enteredByRole: z.string(),
      updatedAt: z.string(),
    })
    .describe('被替换的结算结果'),
});

type SettlementRow = Settlement & {
  provider: Provider;
  benefit: { region: string; grade: string; person: { name: string } };
  revisions?: SettlementRevision[];
};

const INCLUDE = { provider: true, benefit: { include: { person: true } } } as const;

export class SettlementService {
  private readonly benefits: BenefitService;
  constructor(
    private readonly prisma: Db,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {
    this.benefits = new BenefitService(prisma, config, clock);
  }

  toView(s: SettlementRow): SettlementView {
    const region = s.benefit.region as RegionId;
    const grade = s.grade ?? s.benefit.grade;
    return {
      id: s.id,
      benefitId: s.benefitId,
      personName: s.benefit.person.name,
      month: s.month,
      providerId: s.providerId,
      providerName: s.provider.name,
      careMode: s.careMode,
      careModeName: modeName(region, s.careMode as CareModeId),
      grade,
      gradeName: GRADE_NAMES[grade as GradeId] ?? grade,
      monthlyBillFen: s.monthlyBillFen,
      daysCovered: s.daysCovered,
      daysInMonth: s.daysInMonth,
      monthlyCapFen: s.monthlyCapFen,
      proratedCapFen: s.proratedCapFen,
      eligibleCostFen: s.eligibleCostFen,
      fundRatio: s.fundRatio,
      fundPaysFen: s.fundPaysFen,
      personPaysFen: s.personPaysFen,
      indicative: s.indicative,
      indicativeFundPaysFen: s.indicativeFundPaysFen,
      notes: JSON.parse(s.notes) as { code: string; text: string }[],
      citations: JSON.parse(s.citations) as { doc: string; clause: string }[],
      steps: JSON.parse(s.steps) as { text: string }[],
      enteredByRole: s.enteredByRole,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      corrected: s.createdAt.getTime() !== s.updatedAt.getTime() || (s.revisions?.length ?? 0) > 0,
    };
  }

  /** Splits a month's bill with the rules (see settlement-split.ts). */
  compute(b: FullBenefit, month: string, bill: number) {
    return splitMonth(b, month, bill, shanghaiDate(this.clock()));
  }

  /** Officers enter any bill; a provider account only its own clients' bills for months it served them. */
  private async checkWriter(user: AuthUser, providerId: string): Promise<void> {
    if (user.role === 'officer') return;
    if (user.role !== 'provider') throw forbidden('您的账号不能录入月度账单。');
    if ((await this.benefits.providerIdOf(user)) !== providerId) {
      throw notFound('没有找到这项待遇在这个月的服务机构记录，或您无权录入。');
    }
  }

  /**
   * The checks of entering a month's bill, and its split: the month has ended (a bill covers the whole month),
   * the benefit ran that month, the writer may enter it, and it is not settled yet.
   */
  private async prepare(user: AuthUser, benefitId: string, input: z.output<typeof createSettlementInput>) {
    const b = await this.benefits.readableForRecords(user, benefitId);
    const thisMonth = shanghaiDate(this.clock()).slice(0, 7);
    if (input.month > thisMonth) {
      const lastEnded = chineseMonth(previousMonth(thisMonth));
      throw badInput(
        input.month === thisMonth
          ? `${chineseMonth(input.month)}还没有结束，月底之后才能结算这个月。`
          : `${chineseMonth(input.month)}还没有到，不能结算。`,
        [{ path: 'month', message: `应不晚于${lastEnded}` }],
      );
    }
    if (b.stoppedOn && input.month > b.stoppedOn.slice(0, 7)) {
      throw badInput(`这项待遇已于${chineseDate(b.stoppedOn)}终止，${chineseMonth(input.month)}没有待遇。`, [
        { path: 'month', message: `应不晚于${chineseMonth(b.stoppedOn.slice(0, 7))}` },
      ]);
    }
    const { plan, grade, result } = this.compute(b, input.month, input.monthlyBillFen);
    await this.checkWriter(user, plan.providerId);
    const existing = await this.prisma.settlement.findUnique({
      where: { benefitId_month: { benefitId, month: input.month } },
    });
    if (existing) {
      throw conflict(
        'settlement-exists',
        `${chineseMonth(input.month)}的账单已经结算过；如需更正，请使用更正功能并写明原因。`,
        [{ path: 'month', message: `已有结算：${existing.id}` }],
      );
    }
    return { b, plan, grade, result };
  }

  /** The split the bill would get, saved nowhere: what the officer confirms before settling. */
  async preview(user: AuthUser, benefitId: string, input: z.output<typeof createSettlementInput>) {
    const { b, plan, grade, result } = await this.prepare(user, benefitId, input);
    const provider = await this.prisma.provider.findUniqueOrThrow({ where: { id: plan.providerId } });
    const region = b.region as RegionId;
    const fields = computedFields(result, input.monthlyBillFen, grade);
    return {
      benefitId,
      personName: b.person.name,
      month: input.month,
      providerId: plan.providerId,
      providerName: provider.name,
      careMode: plan.careMode,
      careModeName: modeName(region, plan.careMode as CareModeId),
      gradeName: GRADE_NAMES[grade as GradeId] ?? grade,
      ...fields,
      notes: JSON.parse(fields.notes) as { code: string; text: string }[],
      citations: JSON.parse(fields.citations) as { doc: string; clause: string }[],
      steps: JSON.parse(fields.steps) as { text: string }[],
    };
  }

  async create(user: AuthUser, benefitId: string, input: z.output<typeof createSettlementInput>) {
    const { b, plan, grade, result } = await this.prepare(user, benefitId, input);
    const at = this.clock();
    const row = await this.prisma.$transaction(async (tx) => {
      const created = await tx.settlement.create({
        data: {
          benefitId,
          month: input.month,
          providerId: plan.providerId,
          careMode: plan.careMode,
          ...computedFields(result, input.monthlyBillFen, grade),
          enteredById: user.id,
          enteredByRole: user.role,
        },
        include: INCLUDE,
      });
      await this.tell(tx, b, created, false, at);
      return created;
    });
    return this.toView(row);
  }

  /** Replaces the bill and recomputes (suspensions recorded since are counted); the old values are kept. */
  async correct(user: AuthUser, settlementId: string, input: z.output<typeof correctSettlementInput>) {
    if (user.role !== 'officer' && user.role !== 'provider') throw forbidden('您的账号不能更正月度账单。');
    const s = await this.prisma.settlement.findFirst({
      where: { id: settlementId, ...this.scope(user) },
    });
    if (!s) throw notFound('没有找到这笔结算，或您无权更正。');
    await this.checkWriter(user, s.providerId);
    const b = await this.benefits.readableForRecords(user, s.benefitId);
    const { grade, result } = this.compute(b, s.month, input.monthlyBillFen);
    const at = this.clock();
    const row = await this.prisma.$transaction(async (tx) => {
      await tx.settlementRevision.create({
        data: {
          settlementId: s.id,
          previous: JSON.stringify(previousValues(s)),
          reason: input.reason,
          actorId: user.id,
          actorRole: user.role,
          at,
        },
      });
      const updated = await tx.settlement.update({
        where: { id: s.id },
        data: {
          ...computedFields(result, input.monthlyBillFen, grade),
          enteredById: user.id,
          enteredByRole: user.role,
        },
        include: { ...INCLUDE, revisions: true },
      });
      await this.tell(tx, b, updated, true, at);
      return updated;
    });
    return this.toView(row);
  }

  /** Tells the person and their proxies that a month was settled or corrected: fund share and own share. */
  private tell(tx: Prisma.TransactionClient, b: FullBenefit, s: Settlement, corrected: boolean, at: Date) {
    return putInInbox(
      tx,
      { personId: b.personId, applicationId: b.applicationId },
      settlementNotice(this.config, s, b.person.name, corrected, at),
      at,
    );
  }

  /** Settlements the user may read: those of readable benefits; a provider account only its own bills. */
  private scope(user: AuthUser): Prisma.SettlementWhereInput {
    if (user.role === 'provider') return { provider: { accounts: { some: { userId: user.id } } } };
    return { benefit: benefitScope(user) };
  }

  async list(user: AuthUser, query: z.output<typeof listSettlementsQuery>) {
    const rows = await this.prisma.settlement.findMany({
      where: {
        AND: [
          this.scope(user),
          query.providerId ? { providerId: query.providerId } : {},
          query.month ? { month: query.month } : {},
          query.benefitId ? { benefitId: query.benefitId } : {},
        ],
      },
      include: { ...INCLUDE, revisions: true },
      orderBy: [{ month: 'desc' }, { createdAt: 'desc' }],
      take: 1000,
    });
    return rows.map((r) => this.toView(r));
  }

  /** Every month's bill of a benefit, oldest first, for the family. */
  async forBenefit(user: AuthUser, benefitId: string) {
    await this.benefits.readableForRecords(user, benefitId);
    return (await this.list(user, { benefitId })).sort((a, b) => a.month.localeCompare(b.month));
  }

  async get(user: AuthUser, settlementId: string) {
    const s = await this.prisma.settlement.findFirst({
      where: { id: settlementId, ...this.scope(user) },
      include: { ...INCLUDE, revisions: { orderBy: { at: 'asc' } } },
    });
    if (!s) throw notFound('没有找到这笔结算，或您无权查看。');
    return {
      ...this.toView(s),
      revisions: (s.revisions ?? []).map((r) => ({
        id: r.id,
        reason: r.reason,
        actorRole: r.actorRole,
        at: r.at.toISOString(),
        previous: JSON.parse(r.previous) as Record<string, unknown>,
      })),
    };
  }
}
