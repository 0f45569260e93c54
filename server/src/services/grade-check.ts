// Can this grade receive benefits in the person's region on that date? Asked of the rules' eligibility check
// before an approval and before a benefit is created; the server types no threshold of its own.
import { eligibilityFor, type GradeId, type InsuranceId, type RegionId } from '@changhu/rules';
import { AppError } from '../lib/errors';

export interface GradeCheck {
  /** Texts of the rules where the grade's benefits are set locally: allowed, shown to the officer. */
  notes: string[];
}

/** Throws 422 grade-not-eligible with the rules' reason text; else the set-locally notes for the officer. */
export function checkGrade(
  person: { region: string; district: string | null; insurance: string },
  grade: string,
  asOf: string,
): GradeCheck {
  const result = eligibilityFor({
    region: person.region as RegionId,
    district: person.district ?? undefined,
    insurance: person.insurance as InsuranceId,
    grade: grade as GradeId,
    asOf,
  });
  const refused = result.reasons.find((r) => r.code === 'grade-not-eligible');
  if (refused) {
    throw new AppError(
      422,
      'grade-not-eligible',
      `${refused.text}不能核准或建立待遇；请驳回并写明原因，参保人可以申请复评。`,
      [{ path: 'grade', message: refused.text }],
    );
  }
  return { notes: result.reasons.filter((r) => r.code === 'set-locally').map((r) => r.text) };
}
