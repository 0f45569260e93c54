// The slots a conversation remembers, how entities fill them, and how the bot asks for each one.
// Names and choices come from the rules' domain tables; nothing here decides which slot a rule needs.
import {
  CARE_MODE_IDS,
  CARE_MODE_NAMES,
  DISABILITY_CAUSES,
  GRADE_IDS,
  GRADE_NAMES,
  HOSPITAL_TIERS,
  INSURANCE_IDS,
  INSURANCE_NAMES,
  REGION_IDS,
  REGION_NAMES,
  type CareModeId,
  type RegionId,
  districtsOf,
  findDistrict,
  modeName,
  offeredModes,
  yuanText,
} from '@changhu/rules';
import type { Entity } from '@changhu/intents';

export const SLOT_NAMES = [
  'region',
  'district',
  'insurance',
  'careMode',
  'grade',
  'hospitalTier',
  'monthlyBillFen',
  'disabilityCause',
  'disabilityMonths',
  'noticeDate',
  'approvalDate',
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];
export type Slots = Partial<Record<SlotName, string | number>>;

/** Chinese names of the slots, for the agent's view and the corrections the bot confirms. */
export const SLOT_LABELS: Record<SlotName, string> = {
  region: '统筹地区',
  district: '区县',
  insurance: '参保类型',
  careMode: '护理方式',
  grade: '失能等级',
  hospitalTier: '医院等级',
  monthlyBillFen: '每月护理费用',
  disabilityCause: '失能原因',
  disabilityMonths: '失能时间',
  noticeDate: '接到评估结论通知的日期',
  approvalDate: '评估通过（核准）的日期',
};

const CAUSE_NAMES: Record<(typeof DISABILITY_CAUSES)[number], string> = {
  illness: '疾病',
  injury: '伤残',
  'old-age': '年老',
  'short-term': '短期失能',
};
const TIER_NAMES: Record<number, string> = { 1: '一级医院', 2: '二级医院', 3: '三级医院' };

/** What a person answers to "I don't know" for a slot the rules can answer without. */
export const DONT_KNOW = '不清楚';

export interface Choice {
  label: string;
  value: string | number;
}

/** The quick-reply choices for a slot, given what is already known (a region's districts and modes). */
export function choicesFor(slot: SlotName, slots: Slots, month: string): Choice[] {
  const region = slots.region as RegionId | undefined;
  switch (slot) {
    case 'region':
      return REGION_IDS.map((id) => ({ label: REGION_NAMES[id], value: id }));
    case 'district':
      return region ? districtsOf(region).map((d) => ({ label: d.name, value: d.id })) : [];
    case 'insurance':
      return INSURANCE_IDS.map((id) => ({ label: INSURANCE_NAMES[id], value: id }));
    case 'careMode': {
      const modes: readonly CareModeId[] = region ? offeredModes(region, month) : CARE_MODE_IDS;
      return modes.map((id) => ({ label: region ? modeName(region, id) : CARE_MODE_NAMES[id], value: id }));
    }
    case 'grade':
      return GRADE_IDS.map((id) => ({ label: GRADE_NAMES[id], value: id }));
    case 'hospitalTier':
      return HOSPITAL_TIERS.map((t) => ({ label: TIER_NAMES[t], value: t }));
    case 'disabilityCause':
      return DISABILITY_CAUSES.map((id) => ({ label: CAUSE_NAMES[id], value: id }));
    default:
      return [];
  }
}

/** The label a slot's value is shown with (in confirmations and to the agent). */
export function slotValueText(slot: SlotName, value: string | number, slots: Slots, month: string): string {
  if (slot === 'monthlyBillFen' && typeof value === 'number') return yuanText(value);
  if (slot === 'disabilityMonths') return `${value}个月`;
  if (slot === 'district') return findDistrict(String(value))?.name ?? String(value);
  const choice = [...choicesFor(slot, slots, month), ...choicesFor(slot, {}, month)].find((c) => c.value === value);
  return choice?.label ?? String(value);
}

const QUESTIONS: Record<SlotName, string> = {
  region: '请问老人在哪个地方参加的医保（统筹地区）？',
  district: '请问在哪个区县？',
  insurance: '请问参加的是哪种医保？',
  careMode: '想了解哪种护理方式？',
  grade: '评估的失能等级是哪一级？',
  hospitalTier: '医疗专护在几级协议医院？',
  monthlyBillFen: '每月的护理费用大约多少钱？直接说金额就行，例如“3500元”。',
  disabilityCause: '失能是什么原因造成的？',
  disabilityMonths: '失能（生活不能自理）已经多长时间了？例如“8个月”。',
  noticeDate: '哪一天接到的评估结论通知？例如“2026年5月8日”。',
  approvalDate: '哪一天评估通过（核准）的？例如“2026年5月8日”。',
};

export function questionFor(slot: SlotName): string {
  return QUESTIONS[slot];
}

/** Which slot an entity fills; a date fills the date slot of the form being filled. */
export function slotOfEntity(entity: Entity, dateSlot: SlotName | undefined): SlotName | undefined {
  switch (entity.type) {
    case 'region':
    case 'district':
    case 'insurance':
    case 'grade':
    case 'careMode':
    case 'hospitalTier':
    case 'disabilityMonths':
    case 'disabilityCause':
      return entity.type;
    case 'amountFen':
      return 'monthlyBillFen';
    case 'date':
      return dateSlot;
    default:
      return undefined;
  }
}

/** Fills slots from entities; a district names its region, and a new region drops a district of another. */
export function fillFromEntities(slots: Slots, entities: readonly Entity[], dateSlot?: SlotName): SlotName[] {
  const changed: SlotName[] = [];
  const set = (slot: SlotName, value: string | number) => {
    if (slots[slot] === value) return;
    slots[slot] = value;
    if (!changed.includes(slot)) changed.push(slot);
  };
  for (const e of entities) {
    const slot = slotOfEntity(e, dateSlot);
    if (!slot) continue;
    if (slot === 'district') {
      const d = findDistrict(String(e.value));
      if (!d) continue;
      set('region', d.region);
    }
    if (slot === 'region' && slots.district && findDistrict(String(slots.district))?.region !== e.value) {
      delete slots.district;
      changed.push('district');
    }
    set(slot, e.value);
  }
  return changed;
}

/**
 * The answer to a question the bot asked, when the extractor found nothing: a quick-reply label said back,
 * a bare number for an amount (yuan) or a number of months.
 */
export function parseAnswer(slot: SlotName, text: string, slots: Slots, month: string): string | number | undefined {
  const t = text.trim().replace(/[。！!？?\s]+$/u, '');
  const choice = choicesFor(slot, slots, month).find((c) => c.label === t || String(c.value) === t);
  if (choice) return choice.value;
  const num = /^(\d{1,7})(?:\.(\d{1,2}))?\s*(元|块钱?)?$/u.exec(t);
  if (slot === 'monthlyBillFen' && num) return Number(num[1]) * 100 + Number((num[2] ?? '0').padEnd(2, '0'));
  const months = /^(\d{1,4})\s*(个月|月)?$/u.exec(t);
  if (slot === 'disabilityMonths' && months) return Number(months[1]);
  const date = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(t);
  if ((slot === 'noticeDate' || slot === 'approvalDate') && date) {
    return `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}`;
  }
  return undefined;
}
