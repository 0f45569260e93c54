// Which rule answers which question, for a region, mode, grade or insurance type.
import {
  type CareModeId,
  type GradeId,
  type HospitalTier,
  type InsuranceId,
  type RegionId,
  EMPLOYEE_LIKE,
  findDistrict,
  isJilinRegion,
} from '../domain';
import type { Rule } from './timeline';
import * as V from './values';

export * from './timeline';
export {
  MODES_OFFERED,
  REGIONAL_MODE_NAMES,
  type CoverageStatus,
  type Contribution,
  type ContributionShare,
  type Payer,
} from './values';

/**
 * The coverage rules that may apply; more than one when the district decides and is not given
 * (the caller then looks at whether they agree).
 */
export function coverageRules(region: RegionId, insurance: InsuranceId, district?: string): Rule<V.CoverageStatus>[] {
  const group = district ? findDistrict(district)?.group : undefined;
  if (region === 'wenzhou') {
    if (insurance === 'resident') {
      if (group === 'wenzhou-city') return [V.COVERAGE.wenzhou['resident.city']];
      if (group === 'wenzhou-county') return [V.COVERAGE.wenzhou['resident.county']];
      return [V.COVERAGE.wenzhou['resident.city'], V.COVERAGE.wenzhou['resident.county']];
    }
    return [V.COVERAGE.wenzhou[insurance]];
  }
  if (region === 'jinjiang') return [V.COVERAGE.jinjiang];
  if (region === 'jining') {
    if (insurance !== 'resident') return [V.COVERAGE.jining.other];
    if (group === 'jining-pilot') return [V.COVERAGE.jining['resident.pilot']];
    if (group === 'jining-not-pilot') return [V.COVERAGE.jining['resident.not-pilot']];
    return [V.COVERAGE.jining['resident.pilot'], V.COVERAGE.jining['resident.not-pilot']];
  }
  if (EMPLOYEE_LIKE.includes(insurance)) {
    const late = region === 'meihekou' || region === 'jilin-provincial';
    return [late ? V.COVERAGE.jilin.lateAreaEmployees : V.COVERAGE.jilin.employees];
  }
  return [insurance === 'resident' ? V.COVERAGE.jilin.residents : V.COVERAGE.jilin.other];
}

export function modeRule(region: RegionId, mode: CareModeId): Rule<boolean> {
  return V.MODES_OFFERED[region][mode];
}

/** The grade threshold; jilin home care has its own clause (jilin-2022 §(四)). */
export function thresholdRule(region: RegionId, mode?: CareModeId): Rule<GradeId> {
  if (region === 'wenzhou') return V.wenzhouMinGrade;
  if (region === 'jinjiang') return V.jinjiangMinGrade;
  if (region === 'jining') return V.jiningMinGrade;
  return mode === 'home' ? V.jilinHomeMinGrade : V.jilinMinGrade;
}

/** Wenzhou's caps need a severe grade; elsewhere a cap, where there is one, is set locally. */
export function capRule(region: RegionId, mode: CareModeId, grade?: GradeId): Rule<number> | undefined {
  if (region === 'wenzhou') {
    if (grade !== 'severe-1' && grade !== 'severe-2' && grade !== 'severe-3') return undefined;
    return V.wenzhouCap[`${mode === 'family' ? 'family' : 'visiting'}.${grade}`];
  }
  if (region === 'jinjiang') return V.jinjiangCap;
  if (region === 'jining') return V.jiningCap;
  return mode === 'home' ? V.jilinHomeAnnualCap : V.jilinCap;
}

export function ratioRule(
  region: RegionId,
  mode: CareModeId,
  tier?: HospitalTier,
  insurance?: InsuranceId,
): Rule<number> | undefined {
  if (region === 'wenzhou') return V.wenzhouFundRatio;
  if (region === 'jinjiang') return V.jinjiangFundRatio;
  if (region === 'jining') {
    if (insurance !== undefined && insurance !== 'resident') return V.jiningEmployeesTerms;
    if (mode === 'medical-special') return tier ? V.jiningFundRatio[`medical-special.${tier}`] : undefined;
    if (mode === 'home' || mode === 'institution') return V.jiningFundRatio[mode];
    return undefined;
  }
  return mode === 'home' ? V.jilinHomeFundRatio : V.jilinFundRatio;
}

/** Minimum months of disability (old-age disability excepted), where a seed sets one. */
export function durationRule(region: RegionId): Rule<number> | undefined {
  if (region === 'wenzhou') return V.wenzhouMinMonths;
  if (region === 'jinjiang') return V.jinjiangMinMonths;
  return undefined;
}

export function shortTermRule(region: RegionId): Rule<boolean> | undefined {
  return isJilinRegion(region) ? V.jilinShortTermExcluded : undefined;
}

export function objectionRule(region: RegionId): Rule<number> {
  if (region === 'wenzhou') return V.wenzhouObjectionDays;
  if (region === 'jinjiang') return V.objectionElsewhere.jinjiang;
  if (region === 'jining') return V.objectionElsewhere.jining;
  return V.objectionElsewhere.jilin;
}

export function benefitStartRule(region: RegionId): Rule<V.BenefitStartRule> {
  if (region === 'wenzhou' || region === 'jinjiang' || region === 'jining') return V.benefitStartRules[region];
  return V.benefitStartRules.jilin;
}

export function contributionRule(region: RegionId, insurance: InsuranceId): Rule<V.Contribution> {
  if (region === 'wenzhou') return V.CONTRIBUTIONS.wenzhou[insurance] ?? V.contributionElsewhere.wenzhou;
  if (region === 'jinjiang') return V.CONTRIBUTIONS.jinjiang[insurance] as Rule<V.Contribution>;
  if (region === 'jining') return V.CONTRIBUTIONS.jining[insurance] ?? V.contributionElsewhere.jining;
  return V.contributionElsewhere.jilin;
}

export const wenzhouDailyLivingShare = V.wenzhouDailyLivingShare;

/** Every rule of the rule base, once each (for meta-tests and the documents screen). */
export function allRules(): Rule<unknown>[] {
  const found = new Map<string, Rule<unknown>>();
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if ('timeline' in x && 'id' in x) {
      const r = x as Rule<unknown>;
      found.set(r.id, r);
      return;
    }
    Object.values(x).forEach(walk);
  };
  walk(V);
  return [...found.values()];
}
