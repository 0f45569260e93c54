// Every care mode a region offers, side by side, for one bill.
import { type CareModeId, CARE_MODE_IDS, CARE_MODE_NAMES, type HospitalTier, HOSPITAL_TIERS } from '../domain';
import { monthOf, todayInShanghai } from '../dates';
import { parseInput } from '../parse';
import { type CompareModesInput, CompareModesInputSchema } from '../schemas';
import { type EstimateResult, type RulesOptions, estimateFor, modeName, modeOffer, possibleModes } from './estimate';
import { firstDayOf } from '../dates';

/** jining-2022 §三(二) "一、二、三级协议管理医疗机构". */
const TIER_NAMES: Record<HospitalTier, string> = { 1: '一级', 2: '二级', 3: '三级' };

export interface ModeComparison {
  month: string;
  /** Every mode that may be offered; 'set-locally' where the document leaves it to the pooling area. */
  modes: {
    careMode: CareModeId;
    name: string;
    offer: 'offered' | 'set-locally';
    hospitalTier?: HospitalTier;
    estimate: EstimateResult;
  }[];
  /** Modes the region's document does not offer (never one it leaves to the pooling area). */
  notOffered: { careMode: CareModeId; name: string }[];
}

export function compareModes(raw: unknown, opts: RulesOptions = {}): ModeComparison {
  return compareModesFor(parseInput(CompareModesInputSchema, raw), opts);
}

export function compareModesFor(input: CompareModesInput, opts: RulesOptions = {}): ModeComparison {
  const asOf = input.asOf ?? opts.today ?? todayInShanghai();
  const month = input.month ?? monthOf(asOf);
  const possible = possibleModes(input.region, month);
  const modes: ModeComparison['modes'] = [];
  for (const careMode of possible) {
    const offer = modeOffer(input.region, careMode, firstDayOf(month)) === 'offered' ? 'offered' : 'set-locally';
    // 医疗专护 differs by hospital tier (jining-2022 §三(二)): show each tier unless one was chosen.
    const tiers: (HospitalTier | undefined)[] =
      careMode === 'medical-special' && offer === 'offered'
        ? input.hospitalTier
          ? [input.hospitalTier]
          : [...HOSPITAL_TIERS]
        : [undefined];
    for (const hospitalTier of tiers) {
      const estimate = estimateFor({ ...input, asOf, month, careMode, hospitalTier }, opts);
      modes.push({
        careMode,
        name:
          modeName(input.region, careMode) + (hospitalTier ? `（${TIER_NAMES[hospitalTier]}协议管理医疗机构）` : ''),
        offer,
        ...(hospitalTier ? { hospitalTier } : {}),
        estimate,
      });
    }
  }
  const notOffered = CARE_MODE_IDS.filter((m) => !possible.includes(m)).map((careMode) => ({
    careMode,
    name: CARE_MODE_NAMES[careMode],
  }));
  return { month, modes, notOffered };
}
