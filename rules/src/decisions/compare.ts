// Every care mode a region offers, side by side, for one bill.
import { type CareModeId, CARE_MODE_IDS, CARE_MODE_NAMES, type HospitalTier, HOSPITAL_TIERS } from '../domain';
import { monthOf, todayInShanghai } from '../dates';
import { parseInput } from '../parse';
import { type CompareModesInput, CompareModesInputSchema } from '../schemas';
import { type EstimateResult, type RulesOptions, estimateFor, modeName, offeredModes } from './estimate';

/** jining-2022 §三(二) "一、二、三级协议管理医疗机构". */
const TIER_NAMES: Record<HospitalTier, string> = { 1: '一级', 2: '二级', 3: '三级' };

export interface ModeComparison {
  month: string;
  modes: { careMode: CareModeId; name: string; hospitalTier?: HospitalTier; estimate: EstimateResult }[];
  notOffered: { careMode: CareModeId; name: string }[];
}

export function compareModes(raw: unknown, opts: RulesOptions = {}): ModeComparison {
  return compareModesFor(parseInput(CompareModesInputSchema, raw), opts);
}

export function compareModesFor(input: CompareModesInput, opts: RulesOptions = {}): ModeComparison {
  const asOf = input.asOf ?? opts.today ?? todayInShanghai();
  const month = input.month ?? monthOf(asOf);
  const offered = offeredModes(input.region, month);
  const modes: ModeComparison['modes'] = [];
  for (const careMode of offered) {
    // 医疗专护 differs by hospital tier: show each tier unless one was chosen.
    const tiers: (HospitalTier | undefined)[] =
      careMode === 'medical-special' ? (input.hospitalTier ? [input.hospitalTier] : [...HOSPITAL_TIERS]) : [undefined];
    for (const hospitalTier of tiers) {
      const estimate = estimateFor({ ...input, asOf, month, careMode, hospitalTier }, opts);
      modes.push({
        careMode,
        name:
          modeName(input.region, careMode) + (hospitalTier ? `（${TIER_NAMES[hospitalTier]}协议管理医疗机构）` : ''),
        ...(hospitalTier ? { hospitalTier } : {}),
        estimate,
      });
    }
  }
  const notOffered = CARE_MODE_IDS.filter((m) => !offered.includes(m)).map((careMode) => ({
    careMode,
    name: CARE_MODE_NAMES[careMode],
  }));
  return { month, modes, notOffered };
}
