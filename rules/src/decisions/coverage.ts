// Who is covered on a date: shared by the estimate and the eligibility check.
import { type InsuranceId, type RegionId, INSURANCE_NAMES, REGION_NAMES } from '../domain';
import { type CoverageStatus, coverageRules, segmentAt } from '../rulebase';
import { chineseDate } from '../dates';
import type { Trace } from '../explain';
import type { Cite } from '../types';

export type CoverageFinding =
  | { kind: 'covered'; cite: Cite[] }
  | { kind: 'not-covered'; text: string; cite: Cite[] }
  | { kind: 'unknown'; text: string; cite: Cite[] }
  | { kind: 'no-document'; text: string };

const BENEFITS_FROM: Record<string, string> = {
  'coverage.wenzhou.resident.city': '2024-01-01',
};

export function findCoverage(
  region: RegionId,
  insurance: InsuranceId,
  district: string | undefined,
  date: string,
  t: Trace,
): CoverageFinding {
  const rules = coverageRules(region, insurance, district);
  const segs = rules.map((r) => segmentAt(r, date));
  const who = `${REGION_NAMES[region]}${INSURANCE_NAMES[insurance]}参保人员`;
  const same = segs.every(
    (s) => s.kind === segs[0].kind && (s.kind !== 'value' || (segs[0].kind === 'value' && s.value === segs[0].value)),
  );
  if (!same) {
    // Only the district tells (wenzhou city vs county residents, jining pilot districts).
    segs.forEach((s) => t.use(s));
    const text =
      region === 'wenzhou'
        ? `温州城乡居民是否已能享受待遇要看所在区县：市区（鹿城、龙湾、瓯海、洞头）居民2024年1月1日起享受，各县（市）居民2025年起纳入。请告诉我们所在区县（district）。`
        : `济宁居民长护险目前只在任城区、兖州区、曲阜市、邹城市、金乡县、汶上县试点。请告诉我们所在区县（district）。`;
    return { kind: 'unknown', text, cite: segs.flatMap((s) => (s.kind === 'no-document' ? [] : s.cite)) };
  }
  const seg = t.use(segs[0]);
  if (seg.kind === 'no-document') {
    return { kind: 'no-document', text: `规则库中没有${REGION_NAMES[region]}在${chineseDate(date)}适用的长护险文件。` };
  }
  if (seg.kind === 'set-locally') {
    return {
      kind: 'unknown',
      text: `${who}能否参加长护险，规则库中的文件没有写明，由${seg.decidedBy}确定。`,
      cite: seg.cite,
    };
  }
  const status: CoverageStatus = seg.value;
  if (status === 'covered') {
    t.step(`${who}在${chineseDate(date)}属于长护险保障范围。`, seg.cite);
    return { kind: 'covered', cite: seg.cite };
  }
  const from = BENEFITS_FROM[rules[0].id];
  const text =
    status === 'enrolled-benefits-later'
      ? `${who}${date.slice(0, 4)}年参加长护险，从${chineseDate(from)}起才能享受待遇。`
      : `${who}在${chineseDate(date)}还不在长护险保障范围内。`;
  return { kind: 'not-covered', text, cite: seg.cite };
}
