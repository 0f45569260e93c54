// Who is covered on a date: shared by the estimate and the eligibility check.
import { type InsuranceId, type RegionId, INSURANCE_NAMES, REGION_NAMES, findDistrict, districtsOf } from '../domain';
import { type CoverageStatus, type Rule, type Segment, coverageRules, segmentAt } from '../rulebase';
import { chineseDate } from '../dates';
import type { Trace } from '../explain';
import type { Cite } from '../types';

export type CoverageFinding =
  | { kind: 'covered'; cite: Cite[] }
  | { kind: 'not-covered'; text: string; cite: Cite[] }
  /** Insured and assessments accepted, but benefits are payable only from a later date. */
  | { kind: 'applications-open'; text: string; benefitsFrom: string; cite: Cite[] }
  | { kind: 'unknown'; text: string; cite: Cite[] }
  | { kind: 'no-document'; text: string };

/** The first day, after `date`, on which the rule makes benefits payable. */
function benefitsFrom(rule: Rule<CoverageStatus>, date: string): string | undefined {
  return rule.timeline.find((s) => s.from > date && s.kind === 'value' && s.value === 'covered')?.from;
}

const citesOf = (segs: Segment<CoverageStatus>[]) => segs.flatMap((s) => (s.kind === 'no-document' ? [] : s.cite));

/** Why a group is not (yet) covered, in plain words. */
function notYetText(rule: Rule<CoverageStatus>, date: string, district?: string): string {
  const from = benefitsFrom(rule, date);
  const d = district ? findDistrict(district) : undefined;
  switch (rule.id) {
    case 'coverage.wenzhou.resident.city':
      return `温州市区（鹿城、龙湾、瓯海、洞头）城乡居民从${chineseDate(from as string)}起享受长护险待遇，2023年第四季度开始受理评估申请。`;
    case 'coverage.wenzhou.resident.county':
      return `温州各县（市）城乡居民${(from as string).slice(0, 4)}年起纳入长护险。`;
    case 'coverage.jining.resident.not-pilot':
      return (
        `${d ? d.name : '这个县（市、区）'}不在济宁居民长护险的试点范围内；试点只在` +
        `${districtsOf('jining')
          .filter((x) => x.group === 'jining-pilot')
          .map((x) => x.name)
          .join('、')}，条件成熟时在全市推开。`
      );
    default:
      return `在${chineseDate(date)}还不在长护险保障范围内。`;
  }
}

const WENZHOU_COUNTY = 'coverage.wenzhou.resident.county';

/** wenzhou-2023 §一(三) says only "2025年": the product counts county residents in from 1 January. */
export function countyYearNote(t: Trace, rule: Rule<CoverageStatus>): void {
  const from = rule.timeline.find((s) => s.kind === 'value' && s.value === 'covered')?.from as string;
  t.note(
    'interpretation',
    `文件只写了各县（市）城乡居民“${from.slice(0, 4)}年”纳入长护险，没有写具体日期，这里按${chineseDate(from)}起算。`,
    [{ doc: 'wenzhou-2023', clause: '§一(三)' }],
  );
}

export function findCoverage(
  region: RegionId,
  insurance: InsuranceId,
  district: string | undefined,
  date: string,
  t: Trace,
): CoverageFinding {
  const rules = coverageRules(region, insurance, district);
  const segs = rules.map((r) => t.use(segmentAt(r, date)));
  for (const r of rules) if (r.id === WENZHOU_COUNTY) countyYearNote(t, r);
  const who = `${REGION_NAMES[region]}${INSURANCE_NAMES[insurance]}参保人员`;
  const cite = citesOf(segs);

  if (segs.every((s) => s.kind === 'no-document')) {
    return {
      kind: 'no-document',
      text: `我们收录的政策文件里没有${REGION_NAMES[region]}在${chineseDate(date)}适用的长护险文件。`,
    };
  }
  const status = (s: Segment<CoverageStatus>) => (s.kind === 'value' ? s.value : undefined);
  if (segs.every((s) => status(s) === 'covered')) {
    t.step(`${who}在${chineseDate(date)}属于长护险保障范围。`, cite);
    return { kind: 'covered', cite };
  }
  const notPayable = segs.every((s) => s.kind === 'value' && s.value !== 'covered');
  if (rules.length > 1) {
    // The district decides and was not given.
    if (notPayable) {
      return {
        kind: 'not-covered',
        text: `${who}在${chineseDate(date)}还不能享受待遇：${rules.map((r) => notYetText(r, date)).join('')}`,
        cite,
      };
    }
    const text =
      region === 'wenzhou'
        ? `温州城乡居民能否享受待遇要看所在区县：市区（鹿城、龙湾、瓯海、洞头）居民和各县（市）居民纳入的时间不同。请告诉我们所在区县。`
        : `济宁居民长护险只在部分县（市、区）试点。请告诉我们所在区县。`;
    return { kind: 'unknown', text, cite };
  }
  const seg = segs[0];
  if (seg.kind === 'set-locally') {
    if (rules[0].id === 'coverage.jilin.residents') {
      // jilin-2017 §四(二): urban residents are in; former 新农合 members "适时", when the city decides.
      return {
        kind: 'unknown',
        text:
          '吉林省文件写明，长护险的参保范围与职工医保、城镇居民医保一致，所以城镇居民已经纳入；' +
          '原来参加新型农村合作医疗的居民什么时候纳入，由所在试点城市确定。',
        cite,
      };
    }
    return {
      kind: 'unknown',
      text: `${who}能否参加长护险，我们收录的政策文件没有写明，由${seg.decidedBy}确定。`,
      cite,
    };
  }
  if (seg.kind === 'value' && seg.value === 'applications-open') {
    const from = benefitsFrom(rules[0], date) as string;
    return { kind: 'applications-open', text: notYetText(rules[0], date, district), benefitsFrom: from, cite };
  }
  return { kind: 'not-covered', text: notYetText(rules[0], date, district), cite };
}
