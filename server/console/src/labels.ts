// Chinese names for the ids the API returns. States, moves and roles come from the server's own
// tables (one source for the server's messages and the console's buttons); the rest are console-only.
export { MOVES, STATE_NAMES, type MoveId } from '../../src/services/stateMachine';
export { ROLE_NAMES } from '../../src/lib/roles';
export { REGION_NAMES, APPLICATION_STATES } from '../../../rules/src/domain';

export const CAUSE_NAMES: Record<string, string> = {
  illness: '疾病',
  injury: '意外伤害',
  'old-age': '年老体弱',
  'short-term': '短期失能',
};

export const MATERIAL_KIND_NAMES: Record<string, string> = {
  'id-card': '身份证',
  'medical-record': '病历资料',
  hukou: '户口簿',
  other: '其他材料',
};

export const RELATIONSHIP_NAMES: Record<string, string> = {
  self: '本人',
  spouse: '配偶',
  child: '子女',
  relative: '亲属',
  guardian: '监护人',
  'community-help': '社区帮办',
  other: '其他',
};

/** The states an officer works on, in the order of the process; each is a tab of the queue. */
export const QUEUE_STATES = [
  'submitted',
  'accepted',
  'assessment-scheduled',
  'assessed',
  'publicized',
  'objection-filed',
  'reassessed',
  'returned',
  'approved',
  'rejected',
] as const;
