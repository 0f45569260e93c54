// What a region's documents attach to receiving care (suspension during a stay, one mode at a time, identity
// check, self-paid items beyond the plan), from the rules' careConditions: a citation only where the region's
// document says so; elsewhere the same practice, marked 'practice' with no citation. Nothing typed here.
import {
  careConditions,
  type CareCondition,
  type CareConditionCode,
  type CareModeId,
  type Cite,
  type InsuranceId,
  type RegionId,
} from '@changhu/rules';

/** The conditions for a region and mode, as the rules give them; Jining's residents' rules need the insurance. */
export function conditionsFor(region: string, careMode: string, insurance?: string): CareCondition[] {
  return careConditions(region as RegionId, careMode as CareModeId, insurance as InsuranceId | undefined);
}

/** One condition; a code the rules do not list for this mode is practice, without a citation. */
export function conditionOf(
  region: string,
  careMode: string,
  code: CareConditionCode,
): { basis: 'rule' | 'practice'; cite: Cite[] } {
  const c = conditionsFor(region, careMode).find((x) => x.code === code);
  return c ? { basis: c.basis, cite: c.cite } : { basis: 'practice', cite: [] };
}

/** The citations of these conditions for a region and mode (none where they are practice). */
export function citesOf(region: string, careMode: string, codes: CareConditionCode[]): Cite[] {
  return codes.flatMap((code) => conditionOf(region, careMode, code).cite);
}
