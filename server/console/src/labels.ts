// Chinese names for the ids the API returns. States, moves, roles and a visit's identity checks and consents
// come from the server's own tables (one source for the server's messages and the console's forms); the rest
// are console-only.
export { MOVES, STATE_NAMES, type MoveId } from '../../src/services/stateMachine';
export { ROLE_NAMES } from '../../src/lib/roles';
import { IDENTITY_METHOD_NAMES as IDENTITY, SELF_PAID_CONSENT_NAMES as CONSENT } from '../../src/lib/visits';
export { IDENTITY_METHODS, SELF_PAID_CONSENT_METHODS } from '../../src/lib/visits';
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

/** Why a benefit is suspended (jilin-2022 §(四)); the same words as the server's reasonName. */
export const SUSPENSION_REASON_NAMES: Record<string, string> = {
  'hospital-stay': '住院',
  'institution-stay': '入住机构接受照护',
  other: '其他原因',
};

/** What happened to a benefit, for its history. */
export const BENEFIT_ACTION_NAMES: Record<string, string> = {
  create: '登记待遇',
  'change-plan': '变更护理方式或机构',
  suspend: '登记暂停',
  resume: '结束暂停',
  stop: '终止待遇',
  reassessment: '复评结论',
  regrade: '复评后调整等级',
};

export const BENEFIT_STATE_NAMES: Record<string, string> = {
  active: '享受中',
  suspended: '暂停中',
  stopped: '已终止',
};

export const HOSPITAL_TIER_NAMES: Record<number, string> = {
  1: '一级协议医疗机构',
  2: '二级协议医疗机构',
  3: '三级协议医疗机构',
};

/** How providers can be ordered; distance needs a point, which the console does not have. */
export const PROVIDER_SORT_NAMES: Record<string, string> = {
  name: '按名称',
  rating: '按评分（高的在前）',
  'free-places': '按空余名额（多的在前）',
};

/** How identity was checked before a visit (jilin-2022 §(九)); the server's own names. */
export const IDENTITY_METHOD_NAMES: Record<string, string> = IDENTITY;
/** How the person agreed to pay items outside the plan (jilin-2022 §(十)4); the server's own names. */
export const SELF_PAID_CONSENT_NAMES: Record<string, string> = CONSENT;
