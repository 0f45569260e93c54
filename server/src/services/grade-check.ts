// Can this grade receive benefits in the person's region on that date? Asked of the rules' eligibility check
// before an approval and before a benefit is created; the server types no threshold of its own.
import { eligibilityFor, type GradeId, type InsuranceId, type RegionId } from '@changhu/rules';
import { AppError } from '../lib/errors';

export interface GradeCheck {
  /** Texts of the rules where the grade's benefits are set locally: allowed, shown to the officer. */
  notes: string[];
}

type GradePerson = { region: string; district: string | null; insurance: string };

function eligibilityOf(person: GradePerson, grade: string, asOf: string) {
  return eligibilityFor({
    region: person.region as RegionId,
    district: person.district ?? undefined,
    insurance: person.insurance as InsuranceId,
    grade: grade as GradeId,
    asOf,
  });
}

/**
 * The rules' reason when the region pays nothing for this grade (grade-not-eligible), else null: flagged to
 * the officer as soon as the grade is recorded, so the decision is not a surprise at 核准.
 */
export function gradeProblem(person: GradePerson, grade: string, asOf: string): string | null {
  return eligibilityOf(person, grade, asOf).reasons.find((r) => r.code === 'grade-not-eligible')?.text ?? null;
}

/** The officer's next step for a grade the region does not pay, in the words of the console's button. */
export const NOT_ELIGIBLE_NEXT_STEP = '不能核准或建立待遇；请点“不予核准”并写明原因，参保人可以申请复评。';

/** Throws 422 grade-not-eligible with the rules' reason text; else the set-locally notes for the officer. */
export function checkGrade(person: GradePerson, grade: string, asOf: string): GradeCheck {
  const result = eligibilityOf(person, grade, asOf);
  const refused = result.reasons.find((r) => r.code === 'grade-not-eligible');
  if (refused) {
    throw new AppError(422, 'grade-not-eligible', `${refused.text}${NOT_ELIGIBLE_NEXT_STEP}`, [
      { path: 'grade', message: refused.text },
    ]);
  }
  return { notes: result.reasons.filter((r) => r.code === 'set-locally').map((r) => r.text) };
}
