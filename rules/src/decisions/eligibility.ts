// The eligibility check of docs/api-contract.md: can this person receive LTCI benefits, and what to do next.
import { GRADE_LEVEL, GRADE_NAMES, REGION_NAMES, isJilinRegion } from '../domain';
import { chineseDate, todayInShanghai } from '../dates';
import { Trace } from '../explain';
import { parseInput } from '../parse';
import { durationRule, segmentAt, shortTermRule, thresholdRule } from '../rulebase';
import { type EligibilityInput, EligibilityInputSchema } from '../schemas';
import type { Cite, Step } from '../types';
import { careConditions, JILIN_PILOT_SCOPE } from './care';
import { findCoverage } from './coverage';
import { type RulesOptions, modeOffer } from './estimate';

export type Verdict = 'eligible' | 'not-eligible' | 'apply-for-assessment' | 'unknown';

export interface Reason {
  code: string;
  text: string;
  citation: Cite | null;
}

export interface EligibilityResult {
  verdict: Verdict;
  reasons: Reason[];
  nextSteps: string[];
  citations: Cite[];
  steps: Step[];
  asOf: string;
}

const RANK: Record<Verdict, number> = { eligible: 0, 'apply-for-assessment': 1, unknown: 2, 'not-eligible': 3 };

export function eligibility(raw: unknown, opts: RulesOptions = {}): EligibilityResult {
  return eligibilityFor(parseInput(EligibilityInputSchema, raw), opts);
}

export function eligibilityFor(input: EligibilityInput, opts: RulesOptions = {}): EligibilityResult {
  const asOf = input.asOf ?? opts.today ?? todayInShanghai();
  const { region, grade } = input;
  const place = REGION_NAMES[region];
  const t = new Trace();
  const reasons: Reason[] = [];
  const nextSteps: string[] = [];
  let verdict = 'eligible' as Verdict;
  const conclude = (v: Verdict) => {
    if (RANK[v] > RANK[verdict]) verdict = v;
  };
  const reason = (code: string, text: string, cite?: Cite[]) => {
    reasons.push({ code, text, citation: cite?.[0] ?? null });
    if (cite) t.cite(...cite);
  };
  const done = (): EligibilityResult => {
    // Document status notes (draft, expired) are reasons too: the family must know what the answer rests on.
    for (const n of t.notes) reason(n.code, n.text, n.cite);
    return { verdict, reasons, nextSteps: [...new Set(nextSteps)], citations: t.citations, steps: t.steps, asOf };
  };

  // 1. Is the person covered?
  const cov = findCoverage(region, input.insurance, input.district, asOf, t);
  if (cov.kind === 'no-document') {
    reason('no-document', `${cov.text}本系统无法判断，请向当地医保经办机构咨询。`);
    nextSteps.push('请向当地医保经办机构咨询长护险的参保和待遇政策。');
    conclude('unknown');
    return done();
  }
  if (cov.kind === 'not-covered') {
    reason('not-covered', cov.text, cov.cite);
    conclude('not-eligible');
  } else if (cov.kind === 'applications-open') {
    reason('benefits-not-started', grade === undefined ? `${cov.text}现在可以先申请评估。` : cov.text, cov.cite);
  } else if (cov.kind === 'unknown') {
    reason('set-locally', cov.text, cov.cite);
    conclude('unknown');
    nextSteps.push('请向当地医保经办机构确认是否参加了长期护理保险。');
  } else {
    reason('covered', '参加了当地的长期护理保险。', cov.cite);
  }

  // 2. Long-term disability: short-term disability is not paid; 6 months unless from old age.
  const shortTerm = shortTermRule(region);
  const duration = durationRule(region);
  if (input.disabilityCause === 'short-term') {
    if (shortTerm) {
      const seg = t.use(segmentAt(shortTerm, asOf));
      reason(
        'short-term-disability',
        '短期失能人员的临时护理费用，长护险基金不支付。',
        seg.kind === 'no-document' ? undefined : seg.cite,
      );
      conclude('not-eligible');
    } else if (duration) {
      const seg = t.use(segmentAt(duration, asOf));
      if (seg.kind === 'value') {
        reason(
          'short-term-disability',
          region === 'jinjiang'
            ? `晋江长护险保障因疾病、伤残等原因经过不少于${seg.value}个月治疗后仍生活不能自理，或因年老导致长期失能的人员，短期失能不在范围内。`
            : `长护险保障失能状态持续${seg.value}个月以上或因年老失能的人员，短期失能不在范围内。`,
          seg.cite,
        );
        conclude('not-eligible');
      }
    } else {
      reason('set-locally', '短期失能能否享受，我们收录的政策文件没有写明，由当地医保部门确定。');
      conclude('unknown');
    }
  } else if (duration) {
    const seg = t.use(segmentAt(duration, asOf));
    if (seg.kind === 'value') {
      if (input.disabilityCause === 'old-age') {
        reason('duration-met', '因年老导致的长期失能，不要求满' + seg.value + '个月。', seg.cite);
      } else if (input.disabilityMonths !== undefined && input.disabilityMonths < seg.value) {
        reason(
          'duration-too-short',
          `${durationText(region, seg.value)}现在是${input.disabilityMonths}个月。`,
          seg.cite,
        );
        nextSteps.push(`失能满${seg.value}个月后可以再申请评估。`);
        conclude('not-eligible');
      } else if (input.disabilityMonths !== undefined) {
        reason('duration-met', `失能已持续${input.disabilityMonths}个月，满${seg.value}个月的要求。`, seg.cite);
      } else if (grade === undefined) {
        nextSteps.push(`申请前请确认：${durationText(region, seg.value)}`);
      }
    }
  }

  if (!duration && input.disabilityMonths !== undefined && input.disabilityCause !== 'short-term') {
    reason(
      'duration-set-locally',
      isJilinRegion(region)
        ? '吉林省文件保障“长期”失能人员，失能多长时间算“长期”，由试点城市确定。'
        : `${place}的文件没有写失能持续时间的要求，以当地评估和经办规定为准。`,
    );
  }

  // 3. The grade.
  const thr = t.use(segmentAt(thresholdRule(region), asOf));
  if (grade === undefined) {
    // Applying makes sense only where nothing already rules the person out.
    if (verdict !== 'not-eligible') {
      reason(
        'assessment-needed',
        '还没有失能等级评估结论，需要先申请失能等级评估。',
        thr.kind === 'no-document' ? undefined : thr.cite,
      );
      nextSteps.push('向当地医保经办机构（或通过本系统）申请失能等级评估，评估费用由长护险基金支付或按当地规定。');
      if (region === 'wenzhou') nextSteps.push('温州初期每月受理评估申请，中后期按季度受理。');
      conclude('apply-for-assessment');
    }
  } else if (thr.kind === 'value') {
    if (GRADE_LEVEL[grade] >= GRADE_LEVEL[thr.value]) {
      reason('grade-eligible', `${GRADE_NAMES[grade]}属于重度失能，符合${place}的待遇条件。`, thr.cite);
    } else if (isJilinRegion(region) && grade === 'moderate') {
      reason(
        'set-locally',
        '吉林省以长期重度失能人员为主；有条件的统筹地区可以探索把长期中度失能的老年人纳入，是否纳入由试点城市确定。',
        thr.cite,
      );
      conclude('unknown');
    } else {
      reason('grade-not-eligible', `${place}的长护险保障重度失能人员，${GRADE_NAMES[grade]}不在待遇范围内。`, thr.cite);
      conclude('not-eligible');
    }
  } else if (thr.kind === 'set-locally') {
    if (grade === 'normal') {
      reason('grade-not-eligible', '评估为基本正常，不属于失能人员。', thr.cite);
      conclude('not-eligible');
    } else if (GRADE_LEVEL[grade] >= 3 && region === 'jining') {
      // jining-2022 §三(一) requires passing the 照护需求等级评估; the pass level is in the 2018 measures (§七).
      reason(
        'set-locally',
        `济宁的待遇要通过照护需求等级评估；评估的通过标准由${thr.decidedBy}确定，我们收录的政策文件里没有写明。${GRADE_NAMES[grade]}是否通过，以医保经办机构的评估结论为准。`,
        thr.cite,
      );
      conclude('unknown');
    } else if (GRADE_LEVEL[grade] >= 3) {
      // jinjiang-2023 §二(三): "经申请评定为相应失能等级的长期护理保险参保人员定为待遇享受对象".
      reason(
        'grade-eligible',
        `${GRADE_NAMES[grade]}属于重度失能，评定为相应失能等级的参保人员可以享受待遇；享受哪些待遇，由${thr.decidedBy}确定。`,
        thr.cite,
      );
    } else {
      reason('set-locally', `${GRADE_NAMES[grade]}能享受哪些待遇，由${thr.decidedBy}确定。`, thr.cite);
      conclude('unknown');
    }
  }

  if (verdict !== 'not-eligible' && isJilinRegion(region) && modeOffer(region, 'home', asOf) === 'offered') {
    reason(JILIN_PILOT_SCOPE.code, JILIN_PILOT_SCOPE.text, JILIN_PILOT_SCOPE.cite);
  }
  if (verdict === 'eligible' && region === 'wenzhou') {
    const c = careConditions(region, 'home').find((x) => x.code === 'reassessment-may-stop');
    if (c) reason(c.code, c.text, c.cite);
  }
  if (verdict === 'eligible') {
    nextSteps.push(
      cov.kind === 'applications-open'
        ? `选择护理方式和定点服务机构；待遇从${chineseDate(cov.benefitsFrom)}起享受。`
        : '选择护理方式和定点服务机构；待遇从评估通过的次月起享受（以当地规定为准）。',
    );
  }
  if (verdict === 'not-eligible' && cov.kind === 'not-covered') {
    nextSteps.push(
      region === 'jining'
        ? '试点扩大到所在县（市、区）后，或迁入试点县（市、区）参保后，可以再来查询。'
        : '到纳入时间后可以再来查询；情况有变化时也可以再问。',
    );
  }
  if (verdict === 'unknown') nextSteps.push('请向当地医保经办机构咨询。');
  if (verdict === 'not-eligible' && nextSteps.length === 0)
    nextSteps.push('如对结论有疑问，可以向当地医保经办机构咨询。');
  return done();
}

/** The long-term condition as each document words it (wenzhou-2023 §二(二), jinjiang-2023 §二(三)). */
function durationText(region: string, months: number): string {
  return region === 'jinjiang'
    ? `需要因疾病、伤残等原因经过不少于${months}个月治疗后仍生活不能自理，或因年老导致长期失能。`
    : `需要经过规范诊疗、失能状态持续${months}个月以上，或因年老失能。`;
}
