// Who pays how much into the LTCI fund per person and year.
import { type InsuranceId, type RegionId, INSURANCE_NAMES, REGION_NAMES } from '../domain';
import { RulesInputError } from '../errors';
import { Trace } from '../explain';
import { documentStatusNotes } from '../interpretations';
import { type Contribution, type Segment, contributionRule } from '../rulebase';
import { InsuranceSchema, RegionSchema } from '../schemas';
import { chineseDate } from '../dates';
import { yuanText } from '../money';
import type { Cite, Note, Step } from '../types';

export interface ContributionResult {
  region: RegionId;
  insurance: InsuranceId;
  year: number;
  /** null where the rule base does not hold the amount (set locally). */
  contribution: Contribution | null;
  /** The last amount the documents published, where the current one is set locally. */
  lastKnown?: Contribution;
  /** What the insured person pays out of pocket or from their account, where known. */
  personPaysFen: number | null;
  notes: Note[];
  citations: Cite[];
  steps: Step[];
}

export function contributions(region: unknown, insurance: unknown, year: unknown): ContributionResult {
  const r = RegionSchema.safeParse(region);
  const i = InsuranceSchema.safeParse(insurance);
  const details = [
    ...(r.success ? [] : [{ path: 'region', message: r.error.issues[0].message }]),
    ...(i.success ? [] : [{ path: 'insurance', message: i.error.issues[0].message }]),
    ...(Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 2199
      ? []
      : [{ path: 'year', message: '年份应为四位整数，例如 2024' }]),
  ];
  if (!r.success || !i.success || details.length > 0) throw new RulesInputError(details[0].message, details);
  return contributionsFor(r.data, i.data, year as number);
}

export function contributionsFor(region: RegionId, insurance: InsuranceId, year: number): ContributionResult {
  const rule = contributionRule(region, insurance);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const t = new Trace();
  // A year may span a document's start or end: prefer what was in force during the year.
  const overlapping = rule.timeline.filter((s) => s.from <= end && (s.to === null || s.to >= start));
  const pick = (pred: (s: Segment<Contribution>) => boolean) => overlapping.filter(pred).at(-1);
  const seg =
    pick((s) => s.kind === 'value' && !s.pastPeriod) ??
    pick((s) => s.kind === 'set-locally' && !s.pastPeriod) ??
    pick((s) => s.kind !== 'no-document') ??
    overlapping[0];
  t.use(seg);
  const who = `${REGION_NAMES[region]}${INSURANCE_NAMES[insurance]}`;
  const base = { region, insurance, year };
  if (seg.kind === 'no-document') {
    t.note('no-document', `我们收录的政策文件里没有${REGION_NAMES[region]}${year}年适用的长护险筹资文件。`);
    return { ...base, contribution: null, personPaysFen: null, notes: t.notes, citations: t.citations, steps: t.steps };
  }
  if (seg.from > start) t.step(`该标准自${chineseDate(seg.from)}起适用。`);
  if (seg.to !== null && seg.to < end && !seg.pastPeriod) {
    t.step(`该标准适用到${chineseDate(seg.to)}。`);
    // The document ends within the year: what follows is not in the rule base.
    documentStatusNotes(t, seg.doc, true);
  }
  if (seg.kind === 'set-locally') {
    t.note('set-locally', `${who}的长护险筹资标准由${seg.decidedBy}确定，我们收录的政策文件里没有这个数字。`, seg.cite);
    if (region === 'wenzhou' && insurance === 'resident') subsidyNote(t);
    if (seg.indicative) {
      t.note(
        'interpretation',
        `文件最后公布的标准是每人每年${yuanText(seg.indicative.totalFen)}，仅供参考。`,
        seg.cite,
      );
    }
    return {
      ...base,
      contribution: null,
      ...(seg.indicative ? { lastKnown: seg.indicative } : {}),
      personPaysFen: null,
      notes: t.notes,
      citations: t.citations,
      steps: t.steps,
    };
  }
  const c = seg.value;
  t.step(
    `${who}每人每年${yuanText(c.totalFen)}：` +
      c.shares.map((s) => `${s.payerName}${s.fen === null ? '（金额由当地确定）' : yuanText(s.fen)}`).join('，') +
      '。',
    seg.cite,
  );
  for (const s of c.shares) {
    if (s.fen === null) {
      t.note(
        'set-locally',
        `${s.payerName}的具体金额文件没有写明（${s.how ?? '由当地确定'}），由${s.decidedBy ?? '当地医保部门'}确定。`,
        seg.cite,
      );
    }
  }
  if (region === 'wenzhou' && insurance === 'resident') subsidyNote(t);
  const individual = c.shares.filter((s) => s.payer === 'individual');
  const personPaysFen =
    individual.length === 0
      ? 0
      : individual.some((s) => s.fen === null)
        ? null
        : individual.reduce((a, s) => a + (s.fen ?? 0), 0);
  return { ...base, contribution: c, personPaysFen, notes: t.notes, citations: t.citations, steps: t.steps };
}

/** wenzhou-2023 §二(三): "医疗救助对象……个人缴费部分参照城乡居民基本医疗保险资助参保政策按规定予以补助". */
function subsidyNote(t: Trace): void {
  t.note('subsidised-contribution', '医疗救助对象参加长护险，个人缴费部分参照城乡居民医保的资助参保政策给予补助。', [
    { doc: 'wenzhou-2023', clause: '§二(三)' },
  ]);
}
