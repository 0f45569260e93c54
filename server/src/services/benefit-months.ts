// What a benefit is on a given day or in a given month: the plan (mode and provider) in force, the grade in
// force, and whether the day is covered. Pure functions over a benefit loaded with BENEFIT_INCLUDE; the
// benefit, settlement and service-record services share them.
import { addDays, daysInMonthOf, firstDayOf } from '@changhu/rules';
import type {
  Benefit,
  BenefitGrade,
  BenefitPlan,
  BenefitSuspension,
  Person,
  Prisma,
  Provider,
} from '../generated/prisma/client';

export type FullBenefit = Benefit & {
  person: Person;
  plans: (BenefitPlan & { provider: Provider })[];
  suspensions: BenefitSuspension[];
  grades: BenefitGrade[];
};

export const BENEFIT_INCLUDE = {
  person: true,
  plans: { include: { provider: true }, orderBy: { fromMonth: 'asc' } },
  suspensions: { orderBy: { fromDate: 'asc' } },
  grades: { orderBy: { fromMonth: 'asc' } },
} as const satisfies Prisma.BenefitInclude;

/** The plan in force in a month: the latest whose fromMonth is not after it. */
export function planFor<P extends { fromMonth: string }>(plans: P[], month: string): P | undefined {
  return [...plans]
    .sort((a, b) => a.fromMonth.localeCompare(b.fromMonth))
    .filter((p) => p.fromMonth <= month)
    .pop();
}

/** The grade in force in a month: the approval's, or the latest reassessed grade in force by then. */
export function gradeFor(b: Pick<Benefit, 'grade'> & { grades: BenefitGrade[] }, month: string): string {
  return planFor(b.grades, month)?.grade ?? b.grade;
}

/** Is the benefit paying on this day: on or after its start, not after it stopped, not in a suspension. */
export function isCoveredDay(b: Benefit & { suspensions: BenefitSuspension[] }, day: string): boolean {
  if (day < firstDayOf(b.startMonth)) return false;
  if (b.stoppedOn && day > b.stoppedOn) return false;
  return !b.suspensions.some((s) => s.fromDate <= day && (s.toDate === null || day <= s.toDate));
}

/** Days of the month in which the benefit was active and not suspended (the daysCovered of the estimate). */
export function daysCovered(b: Benefit & { suspensions: BenefitSuspension[] }, month: string): number {
  let n = 0;
  for (let day = firstDayOf(month), i = 0; i < daysInMonthOf(month); i++, day = addDays(day, 1)) {
    if (isCoveredDay(b, day)) n += 1;
  }
  return n;
}

export type ShownState = 'active' | 'suspended' | 'stopped';

/**
 * The state a benefit shows on a day, from its dates: a stop is a decision (stored), a suspension follows its
 * days. A stay entered ahead (from 08-01, entered 06-10) leaves it active until it starts; a closed stay
 * (06-08..06-20) makes it suspended during those days only. A stored 'suspended' (older rows) is ignored.
 */
export function stateOn(
  b: Pick<Benefit, 'state'> & { suspensions: Pick<BenefitSuspension, 'fromDate' | 'toDate'>[] },
  day: string,
): ShownState {
  if (b.state === 'stopped') return 'stopped';
  return b.suspensions.some((s) => s.fromDate <= day && (s.toDate === null || day <= s.toDate))
    ? 'suspended'
    : 'active';
}
