// @changhu/rules: the one place where 长护险 rules live. Pure functions, no I/O.
export * from './domain';
export * from './types';
export * from './dates';
export * from './money';
export * from './errors';
export * from './schemas';
export * from './documents';
export * from './clauses';
export * from './names';
export * from './personal';
export {
  allRules,
  segmentAt,
  MODES_OFFERED,
  REGIONAL_MODE_NAMES,
  type Rule,
  type Segment,
  type Unit,
  type Contribution,
  type ContributionShare,
  type CoverageStatus,
} from './rulebase';
export * from './decisions/estimate';
export * from './decisions/eligibility';
export * from './decisions/compare';
export * from './decisions/contributions';
export * from './decisions/deadlines';
export * from './decisions/care';
export * from './selfcheck';
