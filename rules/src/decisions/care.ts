// What a region's documents attach to receiving care, for benefits, visits and bills. Where no seed says
// so, the product still follows the practice, and says it is practice, not rule.
import { type CareModeId, type RegionId, isJilinRegion } from '../domain';
import type { Cite } from '../types';

export type CareConditionCode =
  | 'suspended-during-stay'
  | 'one-mode-at-a-time'
  | 'identity-check'
  | 'rating-after-visit'
  | 'beyond-plan-self-paid'
  | 'no-double-benefit';

export interface CareCondition {
  code: CareConditionCode;
  text: string;
  /** 'rule': the region's document says so (cite); 'practice': the product's practice, no seed for it here. */
  basis: 'rule' | 'practice';
  cite: Cite[];
}

const TEXT: Record<CareConditionCode, string> = {
  'suspended-during-stay': '住院或入住机构照护期间，停止居家护理待遇；恢复后按实际享受的天数结算。',
  'one-mode-at-a-time': '同一时间只能选择一种护理方式。',
  'identity-check': '每次上门服务前，服务人员要核实服务对象的身份。',
  'rating-after-visit': '每次服务结束后，由服务对象或监护人做满意度评价。',
  'beyond-plan-self-paid': '超出规定项目、次数和时长的服务，经本人或监护人同意后按市场价格收费，由个人承担。',
  'no-double-benefit': '享受医疗专护期间，不再同时享受居民医保的住院、门诊慢特病、普通门诊统筹待遇。',
};

const JL22 = (clause: string): Cite => ({ doc: 'jilin-2022', clause });

export function careConditions(region: RegionId, careMode: CareModeId): CareCondition[] {
  const jilinHome = isJilinRegion(region) && careMode === 'home';
  const visiting = careMode === 'home' || careMode === 'family';
  const out: CareCondition[] = [];
  const add = (code: CareConditionCode, cite: Cite[] | null) =>
    out.push({ code, text: TEXT[code], basis: cite ? 'rule' : 'practice', cite: cite ?? [] });

  if (visiting) add('suspended-during-stay', jilinHome ? [JL22('§(四)')] : null);
  add('one-mode-at-a-time', region === 'jinjiang' ? [{ doc: 'jinjiang-2023', clause: '§二(四)1' }] : null);
  if (careMode !== 'family') {
    add('identity-check', jilinHome ? [JL22('§(九)')] : null);
    add('rating-after-visit', jilinHome ? [JL22('§(九)')] : null);
    add('beyond-plan-self-paid', jilinHome ? [JL22('§(十)4')] : null);
  }
  if (region === 'jining' && careMode === 'medical-special')
    add('no-double-benefit', [{ doc: 'jining-2022', clause: '§三(三)' }]);
  return out;
}
