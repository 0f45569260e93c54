// Chinese names for the ids the API returns. The console reaches the server only over HTTP and bundles none
// of its code: a move's label and what it needs come with the application (`actions`), states are the rules
// module's domain words; the rest are console-only display names (server/test/console-bundle.test.ts checks
// the copies below against the server's tables).
import { APPLICATION_STATE_LABELS, BENEFIT_STATE_LABELS } from '@changhu/rules';

export { REGION_NAMES, APPLICATION_STATES } from '@changhu/rules';

/** An application state's name, e.g. 公示中 (the rules module's word). */
export const STATE_NAMES: Readonly<Record<string, string>> = APPLICATION_STATE_LABELS;

export const ROLE_NAMES: Record<string, string> = {
  resident: '居民（本人或家属）',
  'community-worker': '社区工作人员',
  agent: '客服坐席',
  officer: '经办人员',
  admin: '系统管理员',
  provider: '定点机构',
};

/** How identity was checked before a visit (jilin-2022 §(九)), in the order the form offers them. */
export const IDENTITY_METHODS = ['id-card', 'social-security-card', 'face-recognition', 'medical-insurance-code'];
export const IDENTITY_METHOD_NAMES: Record<string, string> = {
  'id-card': '查验身份证',
  'social-security-card': '查验社保卡',
  'face-recognition': '人脸识别',
  'medical-insurance-code': '医保电子凭证',
};

/** How the person agreed to pay items outside the plan (jilin-2022 §(十)4). */
export const SELF_PAID_CONSENT_METHODS = ['in-person', 'written', 'phone-recorded'];
export const SELF_PAID_CONSENT_NAMES: Record<string, string> = {
  'in-person': '当面同意',
  written: '书面同意',
  'phone-recorded': '电话录音同意',
};

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
  'request-plan-change': '家属申请变更护理方式或机构',
  'decline-plan-change': '不同意变更申请',
  suspend: '登记暂停',
  resume: '结束暂停',
  stop: '终止待遇',
  reassessment: '复评结论',
  regrade: '复评后调整等级',
};

/** A benefit's state (the rules module's words), and 待开始 before its first month, which is the console's. */
export const BENEFIT_STATE_NAMES: Readonly<Record<string, string>> = BENEFIT_STATE_LABELS;
export const NOT_STARTED_NAME = '待开始';

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
