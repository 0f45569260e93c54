// Splitting one month's bill of a benefit with @changhu/rules (days covered after suspensions, the hospital
// tier of the provider): what a settlement stores, and what a correction replaces.
import {
  estimateFor,
  RulesInputError,
  type CareModeId,
  type EstimateResult,
  type GradeId,
  type HospitalTier,
  type InsuranceId,
  type RegionId,
} from '@changhu/rules';
import type { Settlement } from '../generated/prisma/client';
import { AppError, badInput } from '../lib/errors';
import { daysCovered, planFor, type FullBenefit } from './benefit-months';

/** Splits a month's bill with the rules: days covered from the suspensions, tier from the provider. */
export function splitMonth(b: FullBenefit, month: string, bill: number, today: string) {
  const plan = planFor(b.plans, month);
  if (!plan) {
    throw badInput(`待遇从${b.startMonth}开始，${month}还没有待遇。`, [
      { path: 'month', message: `应不早于 ${b.startMonth}` },
    ]);
  }
  try {
    const result = estimateFor(
      {
        region: b.region as RegionId,
        ...(b.district ? { district: b.district } : {}),
        insurance: b.insurance as InsuranceId,
        careMode: plan.careMode as CareModeId,
        grade: b.grade as GradeId,
        monthlyBillFen: bill,
        month,
        daysCovered: daysCovered(b, month),
        ...(plan.provider.hospitalTier ? { hospitalTier: plan.provider.hospitalTier as HospitalTier } : {}),
      },
      { today },
    );
    return { plan, result };
  } catch (err) {
    if (err instanceof RulesInputError) throw new AppError(400, 'invalid-input', err.message, err.details);
    throw err;
  }
}

/** The computed part of a settlement row (what a correction replaces). */
export function computedFields(r: EstimateResult, bill: number) {
  return {
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
