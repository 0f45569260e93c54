// What a region's documents attach to receiving care, for benefits, visits and bills. Where no seed says
// so, the product still follows the practice, and says it is practice, not rule.
import { type CareModeId, type InsuranceId, type RegionId, isJilinRegion } from '../domain';
import type { Cite, Note } from '../types';

export type CareConditionCode =
  | 'suspended-during-stay'
  | 'one-mode-at-a-time'
  | 'identity-check'
  | 'rating-after-visit'
  | 'beyond-plan-self-paid'
  | 'no-double-benefit'
  | 'paid-elsewhere-not-paid'
  | 'outpatient-continues'
  | 'local-services-only'
  | 'reassessment-may-stop';

export interface CareCondition {
  code: CareConditionCode;
  text: string;
  /** 'rule': the region's document says so (cite); 'practice': the product's practice, no seed for it here. */
  basis: 'rule' | 'practice';
  cite: Cite[];
}

/** The part of a suspension the product adds: wenzhou-2023 §四(四) prorates part months, no seed does so for stays. */
const PRORATED_PRACTICE =
  '暂停的日子不计入当月享受待遇的天数，按实际享受的天数结算，这是本系统的做法，以经办机构结算为准。';

const TEXT: Record<CareConditionCode, string> = {
  // jilin-2022 §(四) "居家照护服务对象在住院、机构照护服务期间停止居家照护服务" and nothing more.
  'suspended-during-stay': `住院或接受机构照护服务期间，停止居家照护服务。${PRORATED_PRACTICE}`,
  'one-mode-at-a-time': '同一时间只能选择一种护理方式。',
  'identity-check': '每次上门服务前，服务人员要核实服务对象的身份。',
  'rating-after-visit': '每次服务结束后，由服务对象或监护人做满意度评价。',
  'beyond-plan-self-paid': '超出规定项目、次数和时长的服务，经本人或监护人同意后按市场价格收费，由个人承担。',
  'no-double-benefit': '享受医疗专护期间，不再同时享受居民医保的住院、门诊慢特病、普通门诊统筹待遇。',
  'paid-elsewhere-not-paid':
    '应当由其他社会保障制度或法律规定支付的护理费用、应当由第三方支付的医疗护理费用，以及已纳入残疾人保障、军人伤残抚恤、精神疾病防治等范围的护理项目和费用，长护险不支付。',
  'outpatient-continues': '享受机构护理、居家护理待遇期间，可以同时享受门诊慢特病、普通门诊统筹待遇。',
  'local-services-only':
    '长护险基金主要支付温州市辖区内符合规定的机构和人员提供的护理服务；住在外地的参保人怎样享受，还在探索中，请先问经办机构。',
  'reassessment-may-stop':
    '日常监督检查中，如果认为参保人可能不符合重度失能标准，会要求重新评估；不配合重新评估或重新评估结论不是重度失能的，从出具评估结论之日起停止长护险待遇。',
};
/** Where no seed stops care during a stay, the product does, and says it is its own practice. */
const SUSPENDED_PRACTICE =
  '住院或入住机构期间，本系统暂停居家护理待遇，暂停的日子不计入当月享受待遇的天数，按实际享受的天数结算。' +
  '这是本系统的做法，当地文件没有这样写，以经办机构的规定为准。';

const JL22 = (clause: string): Cite => ({ doc: 'jilin-2022', clause });
const WZ = (clause: string): Cite => ({ doc: 'wenzhou-2023', clause });
const JN = (clause: string): Cite => ({ doc: 'jining-2022', clause });

/**
 * The conditions of a mode in a region. `insurance` matters in Jining, whose notice is a residents' notice
 * (jining-2022 §一): its rules are not shown to employees; without it the person is taken as a resident,
 * as the estimate does.
 */
export function careConditions(region: RegionId, careMode: CareModeId, insurance?: InsuranceId): CareCondition[] {
  const jilinHome = isJilinRegion(region) && careMode === 'home';
  const visiting = careMode === 'home' || careMode === 'family';
  const out: CareCondition[] = [];
  const add = (code: CareConditionCode, cite: Cite[] | null, text = TEXT[code]) =>
    out.push({ code, text, basis: cite ? 'rule' : 'practice', cite: cite ?? [] });

  if (visiting) {
    if (jilinHome) add('suspended-during-stay', [JL22('§(四)')]);
    else add('suspended-during-stay', null, SUSPENDED_PRACTICE);
  }
  add('one-mode-at-a-time', region === 'jinjiang' ? [{ doc: 'jinjiang-2023', clause: '§二(四)1' }] : null);
  if (careMode !== 'family') {
    add('identity-check', jilinHome ? [JL22('§(九)')] : null);
    add('rating-after-visit', jilinHome ? [JL22('§(九)')] : null);
    add('beyond-plan-self-paid', jilinHome ? [JL22('§(十)4')] : null);
  }
  if (region === 'wenzhou') {
    add('local-services-only', [WZ('§二(四)')]);
    add('reassessment-may-stop', [WZ('§三(三)')]);
  }
  if (region === 'jining' && (insurance === undefined || insurance === 'resident')) {
    add('paid-elsewhere-not-paid', [JN('§三(三)')]);
    if (careMode === 'medical-special') add('no-double-benefit', [JN('§三(三)')]);
    if (careMode === 'home' || careMode === 'institution') add('outpatient-continues', [JN('§三(三)')]);
  }
  return out;
}

/** jilin-2022 §(四): "起步阶段，试点地区可先从城区或困难群体起步，逐步扩展至全域全参保人员". */
export const JILIN_PILOT_SCOPE: Note & { cite: Cite[] } = {
  code: 'pilot-scope',
  text: '居家照护起步阶段，试点地区可以先从城区或困难群体开始，再逐步扩大到全部参保人员；所在地方和家庭是否已经能享受，请问当地医保部门。',
  cite: [JL22('§(四)')],
};
