// The one state machine of an assessment application (domain.md "Application and benefit states";
// wenzhou-2023 §三(三) for the objection). Every move the system allows is a row of MOVES.
import type { ApplicationState } from '@changhu/rules';
import type { Role } from '../lib/roles';

export type Requirement = 'reason' | 'grade' | 'scheduledFor' | 'publicityEndsOn';

export interface Move {
  from: readonly ApplicationState[];
  to: ApplicationState;
  roles: readonly Role[];
  requires: readonly Requirement[];
  /** What the button says. */
  label: string;
}

const PROXIES: readonly Role[] = ['resident', 'community-worker'];
const OFFICER: readonly Role[] = ['officer'];

export const MOVES = {
  submit: { from: ['draft'], to: 'submitted', roles: PROXIES, requires: [], label: '提交申请' },
  accept: { from: ['submitted'], to: 'accepted', roles: OFFICER, requires: [], label: '受理' },
  return: { from: ['submitted'], to: 'returned', roles: OFFICER, requires: ['reason'], label: '退回补充材料' },
  revise: { from: ['returned'], to: 'draft', roles: PROXIES, requires: [], label: '修改后重新提交' },
  schedule: {
    from: ['accepted'],
    to: 'assessment-scheduled',
    roles: OFFICER,
    requires: ['scheduledFor'],
    label: '安排上门评估',
  },
  assess: {
    from: ['assessment-scheduled'],
    to: 'assessed',
    roles: OFFICER,
    requires: ['grade'],
    label: '录入评估等级',
  },
  // The officer sets the publicity's last day: wenzhou-2023 §三(三) names 公示期 but not its length (set locally).
  publicize: {
    from: ['assessed'],
    to: 'publicized',
    roles: OFFICER,
    requires: ['publicityEndsOn'],
    label: '公示',
  },
  approve: { from: ['publicized', 'reassessed'], to: 'approved', roles: OFFICER, requires: [], label: '核准' },
  reject: {
    from: ['publicized', 'reassessed'],
    to: 'rejected',
    roles: OFFICER,
    requires: ['reason'],
    label: '不予核准',
  },
  // 公示期内或接到评估结论通知的10个工作日内 (wenzhou-2023 §三(三)): from the publicity, or from the decision
  // within the objection deadline; only once, against the first assessment.
  object: {
    from: ['publicized', 'approved', 'rejected'],
    to: 'objection-filed',
    roles: PROXIES,
    requires: ['reason'],
    label: '申请复评',
  },
  reassess: { from: ['objection-filed'], to: 'reassessed', roles: OFFICER, requires: ['grade'], label: '录入复评等级' },
} as const satisfies Record<string, Move>;

export type MoveId = keyof typeof MOVES;
export const MOVE_IDS = Object.keys(MOVES) as MoveId[];

export function movesFrom(state: string, role: Role): MoveId[] {
  return MOVE_IDS.filter((id) => {
    const m: Move = MOVES[id];
    return (m.from as readonly string[]).includes(state) && m.roles.includes(role);
  });
}

export const STATE_NAMES: Record<ApplicationState, string> = {
  draft: '草稿',
  submitted: '已提交',
  accepted: '已受理',
  returned: '已退回',
  'assessment-scheduled': '待上门评估',
  assessed: '已评估',
  publicized: '公示中',
  approved: '已核准',
  rejected: '未核准',
  'objection-filed': '复评申请中',
  reassessed: '已复评',
};

/** WeChat `phrase` values are at most 5 characters. */
export const STATE_PHRASES: Record<ApplicationState, string> = {
  draft: '草稿',
  submitted: '已提交',
  accepted: '已受理',
  returned: '已退回',
  'assessment-scheduled': '待评估',
  assessed: '已评估',
  publicized: '公示中',
  approved: '已核准',
  rejected: '未核准',
  'objection-filed': '复评中',
  reassessed: '已复评',
};
