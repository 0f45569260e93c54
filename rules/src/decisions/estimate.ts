// The cost estimate of docs/api-contract.md: what the fund pays and what the family pays for one month's bill.
import {
  type CareModeId,
  CARE_MODE_IDS,
  CARE_MODE_NAMES,
  type GradeId,
  GRADE_LEVEL,
  GRADE_NAMES,
  type InsuranceId,
  REGION_NAMES,
  type RegionId,
  isJilinRegion,
} from '../domain';
import { chineseDate, chineseMonth, daysInMonthOf, firstDayOf, monthOf, todayInShanghai } from '../dates';
import { RulesInputError } from '../errors';
import { Trace } from '../explain';
import { percentOf, yuanText } from '../money';
import { capEligibleCost, indicativeFundShare, noCapHeld } from '../interpretations';
import { parseInput } from '../parse';
import {
  REGIONAL_MODE_NAMES,
  capRule,
  modeRule,
  ratioRule,
  segmentAt,
  thresholdRule,
  wenzhouDailyLivingShare,
} from '../rulebase';
import { type EstimateInput, EstimateInputSchema } from '../schemas';
import type { Cite, Note, Step } from '../types';
import { findCoverage } from './coverage';
import { careConditions, JILIN_PILOT_SCOPE } from './care';

export interface EstimateResult {
  /** The month's cap on the eligible cost as the policy states it (before proration); null where set locally. */
  monthlyCapFen: number | null;
  /** The cap for the days covered, when part of the month is covered (wenzhou-2023 §四(四)). */
  proratedCapFen?: number;
  /** The bill capped by every cap the rule base holds. */
  eligibleCostFen: number | null;
  fundRatio: number | null;
  fundPaysFen: number | null;
  personPaysFen: number | null;
  indicative: boolean;
  indicativeFundPaysFen?: number;
  notes: Note[];
  citations: Cite[];
  steps: Step[];
  month: string;
  daysInMonth: number;
  daysCovered: number;
}

export interface RulesOptions {
  /** Today's date, for the default asOf (default: today in Asia/Shanghai). */
  today?: string;
}

export function estimate(raw: unknown, opts: RulesOptions = {}): EstimateResult {
  return estimateFor(parseInput(EstimateInputSchema, raw), opts);
}

/**
 * Whether a region offers a mode on a date: 'set-locally' where its document leaves the mode to the pooling
 * area (never "not offered": jilin-2017 §四(五)); 'no-document' where no document applies.
 */
export type ModeOffer = 'offered' | 'set-locally' | 'not-offered' | 'no-document';
export function modeOffer(region: RegionId, mode: CareModeId, date: string): ModeOffer {
  const seg = segmentAt(modeRule(region, mode), date);
  if (seg.kind === 'no-document') return 'no-document';
  if (seg.kind === 'set-locally') return 'set-locally';
  return seg.value ? 'offered' : 'not-offered';
}

/** The modes a region's document offers in a month (on its first day). */
export function offeredModes(region: RegionId, month: string): CareModeId[] {
  return CARE_MODE_IDS.filter((m) => modeOffer(region, m, firstDayOf(month)) === 'offered');
}

/** The modes that may be offered in a month: offered, or left to the pooling area to decide. */
export function possibleModes(region: RegionId, month: string): CareModeId[] {
  return CARE_MODE_IDS.filter((m) => {
    const offer = modeOffer(region, m, firstDayOf(month));
    return offer === 'offered' || offer === 'set-locally';
  });
}

export function modeName(region: RegionId, mode: CareModeId): string {
  const regional = REGIONAL_MODE_NAMES[region]?.[mode];
  return regional && regional !== CARE_MODE_NAMES[mode]
    ? `${regional}（${CARE_MODE_NAMES[mode]}）`
    : CARE_MODE_NAMES[mode];
}

/**
 * The date whose rules price a month: asOf when it falls in that month (so that a rule starting mid-month
 * is seen on its day), otherwise the first day of the month.
 */
export function evaluationDate(month: string, asOf: string): string {
  return monthOf(asOf) === month ? asOf : firstDayOf(month);
}

export function estimateFor(input: EstimateInput, opts: RulesOptions = {}): EstimateResult {
  const asOf = input.asOf ?? opts.today ?? todayInShanghai();
  const month = input.month ?? monthOf(asOf);
  const dim = daysInMonthOf(month);
  const days = input.daysCovered ?? dim;
  if (days > dim) {
    throw new RulesInputError(`享受待遇天数（daysCovered）不能超过当月天数（${chineseMonth(month)}共${dim}天）`, [
      { path: 'daysCovered', message: `${chineseMonth(month)}共${dim}天` },
    ]);
  }
  const { region, careMode, grade, monthlyBillFen: bill } = input;
  const date = evaluationDate(month, asOf);
  const t = new Trace();
  const place = REGION_NAMES[region];
  t.step(
    `按${place}${chineseDate(date)}适用的规定计算${chineseMonth(month)}的账单${yuanText(bill)}，享受待遇${days}天（当月共${dim}天）。`,
  );

  type Amounts = Pick<
    EstimateResult,
    'monthlyCapFen' | 'eligibleCostFen' | 'fundRatio' | 'fundPaysFen' | 'personPaysFen'
  > &
    Partial<Pick<EstimateResult, 'proratedCapFen' | 'indicative' | 'indicativeFundPaysFen'>>;
  const result = (r: Amounts): EstimateResult => ({
    monthlyCapFen: r.monthlyCapFen,
    ...(r.proratedCapFen !== undefined ? { proratedCapFen: r.proratedCapFen } : {}),
    eligibleCostFen: r.eligibleCostFen,
    fundRatio: r.fundRatio,
    fundPaysFen: r.fundPaysFen,
    personPaysFen: r.personPaysFen,
    indicative: r.indicative ?? false,
    ...(r.indicativeFundPaysFen !== undefined ? { indicativeFundPaysFen: r.indicativeFundPaysFen } : {}),
    notes: t.notes,
    citations: t.citations,
    steps: t.steps,
    month,
    daysInMonth: dim,
    daysCovered: days,
  });
  /** The rule base does not hold what it takes: no number, and a note says why. */
  const unknown = () =>
    result({ monthlyCapFen: null, eligibleCostFen: null, fundRatio: null, fundPaysFen: null, personPaysFen: null });
  const nothing = () => {
    t.step(`基金不支付，${yuanText(bill)}全部由个人负担。`);
    return result({ monthlyCapFen: 0, eligibleCostFen: 0, fundRatio: 0, fundPaysFen: 0, personPaysFen: bill });
  };

  // Is there a document, and does it offer this care mode?
  const modeSeg = t.use(segmentAt(modeRule(region, careMode), date));
  if (modeSeg.kind === 'no-document') {
    t.note(
      'no-document',
      `我们收录的政策文件里没有${place}在${chineseDate(date)}适用的长护险文件，无法估算。请向当地医保经办机构咨询。`,
    );
    return unknown();
  }
  let paysNothing = false;

  // Coverage of the person.
  if (input.insurance === undefined) {
    t.note(
      'coverage-assumed',
      region === 'jining'
        ? '没有填写参保类型，这里按已参加济宁居民医保、在试点地区、符合参保条件来估算。'
        : '没有填写参保类型，这里按已参加长期护理保险、符合参保条件来估算。',
    );
  } else {
    const cov = findCoverage(region, input.insurance, input.district, date, t);
    if (cov.kind === 'not-covered' || cov.kind === 'applications-open') {
      t.note('not-covered', `${cov.text}所以这个月基金不支付。`, cov.cite);
      paysNothing = true;
    } else if (cov.kind === 'unknown') {
      t.note('coverage-assumed', `${cov.text}这里先按已参保来估算。`, cov.cite);
    } else if (cov.kind === 'no-document') {
      t.note('no-document', cov.text);
    }
  }

  if (modeSeg.kind === 'value' && !modeSeg.value) {
    const offered = offeredModes(region, month).map((m) => modeName(region, m));
    t.note(
      'mode-not-offered',
      `${place}的长护险没有“${CARE_MODE_NAMES[careMode]}”这种护理方式，所以基金不支付。` +
        (offered.length > 0 ? `可以选择：${offered.join('、')}。` : ''),
      modeSeg.cite,
    );
    paysNothing = true;
  }
  if (paysNothing) return nothing();
  if (modeSeg.kind === 'set-locally') {
    t.note(
      'set-locally',
      `${place}是否提供${modeName(region, careMode)}、怎么支付，由${modeSeg.decidedBy}确定。`,
      modeSeg.cite,
    );
    return unknown();
  }
  t.step(`${place}提供${modeName(region, careMode)}。`, modeSeg.cite);
  if (isJilinRegion(region) && careMode === 'home' && modeSeg.doc === 'jilin-2022')
    t.note(JILIN_PILOT_SCOPE.code, JILIN_PILOT_SCOPE.text, JILIN_PILOT_SCOPE.cite);

  // The disability grade the region pays for.
  const thr = t.use(segmentAt(thresholdRule(region, careMode), date));
  if (thr.kind === 'value') {
    if (grade === undefined) {
      throw new RulesInputError(`请填写失能等级（grade）：${place}的待遇要看失能等级。`, [
        { path: 'grade', message: `${place}需要失能等级，可选：normal、mild、moderate、severe-1、severe-2、severe-3` },
      ]);
    }
    if (GRADE_LEVEL[grade] < GRADE_LEVEL[thr.value]) {
      if (isJilinRegion(region) && grade === 'moderate' && careMode !== 'home') {
        // jilin-2017 §四(四): pilot cities may include the moderately disabled elderly.
        t.note(
          'set-locally',
          '吉林省文件以长期重度失能人员为主；有条件的统筹地区可以探索把长期中度失能的老年人纳入保障，是否纳入由试点城市确定。',
          thr.cite,
        );
        return unknown();
      }
      t.note(
        'grade-not-eligible',
        `${place}的长护险${careMode === 'home' && isJilinRegion(region) ? '居家照护' : ''}保障重度失能人员，${GRADE_NAMES[grade]}不在支付范围内，所以基金不支付。`,
        thr.cite,
      );
      return nothing();
    }
    t.step(`${GRADE_NAMES[grade]}达到${place}的待遇标准（重度失能）。`, thr.cite);
  } else if (thr.kind === 'set-locally' && grade !== undefined) {
    if (grade === 'normal') {
      t.note('grade-not-eligible', `评估为基本正常的人员不属于失能人员，长护险基金不支付。`, thr.cite);
      return nothing();
    }
    if (GRADE_LEVEL[grade] < 3) {
      t.note('set-locally', `${GRADE_NAMES[grade]}能不能享受、享受哪些待遇，由${thr.decidedBy}确定。`, thr.cite);
      return unknown();
    }
    if (region === 'jining') {
      // jining-2022 §三(一) requires passing the 照护需求等级评估; its pass level is in the 2018 measures (§七).
      t.note(
        'set-locally',
        `济宁照护需求等级评估的通过标准由${thr.decidedBy}确定，我们收录的政策文件里没有写明；这里按${GRADE_NAMES[grade]}已通过评估来估算。`,
        thr.cite,
      );
    }
  }
  regionalConditions(t, region, careMode, input.insurance);

  // The cap on the eligible cost.
  const capR = capRule(region, careMode, grade);
  if (days === 0 && !(capR && segmentAt(capR, date).kind === 'value')) {
    // With a cap, proration brings it to 0 below; without one, no covered day means nothing is paid.
    t.note('prorated', '当月没有享受待遇的天数，基金不支付。');
    return nothing();
  }
  let monthlyCapFen: number | null = null;
  let proratedCapFen: number | undefined;
  let eligible: number | null = bill;
  let capHeldLocally: { label: string; decidedBy: string; cite: Cite[] } | undefined;
  if (capR) {
    const capSeg = t.use(segmentAt(capR, date));
    if (capSeg.kind === 'value') {
      monthlyCapFen = capSeg.value;
      t.step(`${capR.label}：每月${yuanText(capSeg.value)}。`, capSeg.cite);
      const capped = capEligibleCost(t, {
        billFen: bill,
        capFen: capSeg.value,
        capCite: capSeg.cite,
        days,
        daysInMonth: dim,
      });
      eligible = capped.eligibleFen;
      proratedCapFen = capped.proratedCapFen;
      if (region === 'wenzhou' && careMode !== 'family' && grade !== undefined) firstPeriodNote(t, grade, date);
      if (careMode === 'family' && region === 'wenzhou') {
        const share = t.use(segmentAt(wenzhouDailyLivingShare, date));
        if (share.kind === 'value') {
          t.note('daily-living-share', `居家亲情护理的限额中，生活护理费用的最高限不低于${share.value}%。`, share.cite);
        }
      }
    } else if (capSeg.kind === 'set-locally') {
      capHeldLocally = { label: capR.label, decidedBy: capSeg.decidedBy, cite: capSeg.cite };
    }
  }

  // The fund's ratio.
  const ratioR = ratioRule(region, careMode, input.hospitalTier, input.insurance);
  if (!ratioR) {
    throw new RulesInputError(
      '请填写医院等级（hospitalTier）：医疗专护的支付比例按协议医疗机构的等级（1、2、3级）不同。',
      [{ path: 'hospitalTier', message: '医疗专护需要医院等级 1、2 或 3' }],
    );
  }
  const ratioSeg = t.use(segmentAt(ratioR, date));
  if (ratioSeg.kind === 'value') {
    if (capHeldLocally) noCapHeld(t, capHeldLocally.label, capHeldLocally.decidedBy, capHeldLocally.cite);
    const base = eligible ?? bill;
    const fund = percentOf(base, ratioSeg.value);
    t.step(
      `${ratioR.label}${ratioSeg.value}%：基金支付${yuanText(base)}×${ratioSeg.value}%=${yuanText(fund)}（四舍五入到分）。`,
      ratioSeg.cite,
    );
    t.step(`个人负担：账单${yuanText(bill)}−基金支付${yuanText(fund)}=${yuanText(bill - fund)}。`);
    return result({
      monthlyCapFen,
      proratedCapFen,
      eligibleCostFen: base,
      fundRatio: ratioSeg.value / 100,
      fundPaysFen: fund,
      personPaysFen: bill - fund,
    });
  }
  // No ratio in the rule base: neither the cap nor the fund's share can be computed here.
  if (capHeldLocally) {
    t.note(
      'set-locally',
      `${capHeldLocally.label}由${capHeldLocally.decidedBy}确定，我们收录的政策文件里没有这个数字。`,
      capHeldLocally.cite,
    );
    eligible = null;
  }
  if (ratioSeg.kind === 'set-locally') {
    t.note(
      'set-locally',
      `${ratioR.label}由${ratioSeg.decidedBy}确定，我们收录的政策文件里没有这个数字。`,
      ratioSeg.cite,
    );
    if (ratioSeg.indicative !== undefined) {
      const indicativeFund = indicativeFundShare(t, bill, ratioSeg.indicative);
      return result({
        monthlyCapFen,
        eligibleCostFen: eligible,
        fundRatio: null,
        fundPaysFen: null,
        personPaysFen: null,
        indicative: true,
        indicativeFundPaysFen: indicativeFund,
      });
    }
  }
  return result({ monthlyCapFen, eligibleCostFen: eligible, fundRatio: null, fundPaysFen: null, personPaysFen: null });
}

/** The conditions a region's documents attach to this mode, said on the bill (practice is not noted). */
function regionalConditions(t: Trace, region: RegionId, careMode: CareModeId, insurance?: InsuranceId): void {
  for (const c of careConditions(region, careMode, insurance)) {
    // Conditions of visits and of keeping the benefit are not about a month's bill.
    if (c.code === 'identity-check' || c.code === 'rating-after-visit' || c.code === 'reassessment-may-stop') continue;
    if (c.basis === 'rule') t.note(c.code, c.text, c.cite);
  }
}

/**
 * wenzhou-2023 §二(四) "可先按居家亲情护理服务标准支付": the first period of home or institution care may be
 * paid at the family-care cap of the same grade.
 */
function firstPeriodNote(t: Trace, grade: GradeId, date: string): void {
  const capR = capRule('wenzhou', 'family', grade);
  const seg = capR && segmentAt(capR, date);
  if (!seg || seg.kind !== 'value') return;
  t.note(
    'first-period-family-rate',
    `刚开始享受待遇时，可以先按居家亲情护理的标准支付，那时${GRADE_NAMES[grade]}每月最高限额是${yuanText(seg.value)}，比这里估算的少。`,
    [{ doc: 'wenzhou-2023', clause: '§二(四)' }, ...seg.cite],
  );
}
