// Splitting one month's bill of a benefit with @changhu/rules (days covered after suspensions, the grade in
// force that month, the hospital tier of the provider), and settling again the months already settled when
// something the split depends on changes afterwards: a suspension entered or ended, a stop, a reassessed
// grade. Such a month is corrected like a manual correction (a SettlementRevision keeps the old values and
// the reason), so the family never sees a stale split, and the family is told.
import {
  chineseMonth,
  estimateFor,
  monthOf,
  RulesInputError,
  type CareModeId,
  type EstimateResult,
  type GradeId,
  type HospitalTier,
  type InsuranceId,
  type RegionId,
} from '@changhu/rules';
import type { Prisma, Settlement } from '../generated/prisma/client';
import { AppError, badInput } from '../lib/errors';
import type { AuthUser } from '../lib/roles';
import { shanghaiDate } from '../lib/time';
import { BENEFIT_INCLUDE, daysCovered, gradeFor, planFor, type FullBenefit } from './benefit-months';
import { putInInbox } from './inbox';
import { settlementNotice, type NoticeTemplates } from './notices';

/** Splits a month's bill with the rules: days covered from the suspensions, grade in force, tier from the provider. */
export function splitMonth(b: FullBenefit, month: string, bill: number, today: string) {
  const plan = planFor(b.plans, month);
  if (!plan) {
    throw badInput(`待遇从${chineseMonth(b.startMonth)}开始，${chineseMonth(month)}还没有待遇。`, [
      { path: 'month', message: `应不早于${chineseMonth(b.startMonth)}` },
    ]);
  }
  const grade = gradeFor(b, month);
  try {
    const result = estimateFor(
      {
        region: b.region as RegionId,
        ...(b.district ? { district: b.district } : {}),
        insurance: b.insurance as InsuranceId,
        careMode: plan.careMode as CareModeId,
        grade: grade as GradeId,
        monthlyBillFen: bill,
        month,
        daysCovered: daysCovered(b, month),
        ...(plan.provider.hospitalTier ? { hospitalTier: plan.provider.hospitalTier as HospitalTier } : {}),
      },
      { today },
    );
    return { plan, grade, result };
  } catch (err) {
    if (err instanceof RulesInputError) throw new AppError(400, 'invalid-input', err.message, err.details);
    throw err;
  }
}

/** The computed part of a settlement row (what a correction replaces). */
export function computedFields(r: EstimateResult, bill: number, grade: string) {
  return {
    grade,
    monthlyBillFen: bill,
    daysCovered: r.daysCovered,
    daysInMonth: r.daysInMonth,
    monthlyCapFen: r.monthlyCapFen,
    proratedCapFen: r.proratedCapFen ?? null,
    eligibleCostFen: r.eligibleCostFen,
    fundRatio: r.fundRatio,
    fundPaysFen: r.fundPaysFen,
    personPaysFen: r.personPaysFen,
    indicative: r.indicative,
    indicativeFundPaysFen: r.indicativeFundPaysFen ?? null,
    notes: JSON.stringify(r.notes.map(({ code, text }) => ({ code, text }))),
    citations: JSON.stringify(r.citations),
    steps: JSON.stringify(r.steps),
  };
}

/** The values a correction replaces, as kept in SettlementRevision.previous. */
export function previousValues(s: Settlement): Record<string, unknown> {
  return {
    monthlyBillFen: s.monthlyBillFen,
    grade: s.grade,
    daysCovered: s.daysCovered,
    monthlyCapFen: s.monthlyCapFen,
    proratedCapFen: s.proratedCapFen,
    eligibleCostFen: s.eligibleCostFen,
    fundRatio: s.fundRatio,
    fundPaysFen: s.fundPaysFen,
    personPaysFen: s.personPaysFen,
    indicativeFundPaysFen: s.indicativeFundPaysFen,
    enteredByRole: s.enteredByRole,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** The fields whose change makes a settled month worth correcting (notes and steps follow them). */
const SETTLED_VALUES = [
  'daysCovered',
  'monthlyCapFen',
  'proratedCapFen',
  'eligibleCostFen',
  'fundRatio',
  'fundPaysFen',
  'personPaysFen',
  'indicativeFundPaysFen',
] as const;

export interface Resettle {
  /** The first day whose coverage or grade changed; its month is the first one looked at. */
  from: string;
  /** The last such day; null: every settled month from `from` on. */
  to: string | null;
  /** Why, in Chinese, as the family reads it in the revision. */
  reason: string;
  actor: AuthUser;
  at: Date;
  templates: NoticeTemplates;
}

/**
 * Splits again, in the caller's transaction (after its change), every settled month of the benefit between
 * `from` and `to`; a month whose split changed is corrected with a revision and the family is told.
 * Returns the corrected months.
 */
export async function resettle(
  tx: Prisma.TransactionClient,
  benefitId: string,
  why: Resettle,
): Promise<{ settlementId: string; month: string }[]> {
  const settled = await tx.settlement.findMany({
    where: { benefitId, month: { gte: monthOf(why.from), ...(why.to ? { lte: monthOf(why.to) } : {}) } },
    orderBy: { month: 'asc' },
  });
  if (!settled.length) return [];
  const b = await tx.benefit.findUniqueOrThrow({ where: { id: benefitId }, include: BENEFIT_INCLUDE });
  const today = shanghaiDate(why.at);
  const corrected: { settlementId: string; month: string }[] = [];
  for (const s of settled) {
    const { grade, result } = splitMonth(b, s.month, s.monthlyBillFen, today);
    const fields = computedFields(result, s.monthlyBillFen, grade);
    // Rows from before grades could change have no grade: theirs was the approval's.
    const changed = grade !== (s.grade ?? b.grade) || SETTLED_VALUES.some((k) => fields[k] !== s[k]);
    if (!changed) continue;
    await tx.settlementRevision.create({
      data: {
        settlementId: s.id,
        previous: JSON.stringify(previousValues(s)),
        reason: why.reason,
        actorId: why.actor.id,
        actorRole: why.actor.role,
        at: why.at,
      },
    });
    const row = await tx.settlement.update({ where: { id: s.id }, data: fields });
    await putInInbox(
      tx,
      { personId: b.personId, applicationId: b.applicationId },
      settlementNotice(why.templates, row, b.person.name, true, why.at),
      why.at,
    );
    corrected.push({ settlementId: s.id, month: s.month });
  }
  return corrected;
}
