// Dates that follow from a decision: when benefits start, and until when an objection can be filed.
import { isWorkday } from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { type InsuranceId, type RegionId, REGION_NAMES } from '../domain';
import { addDays, chineseDate, chineseMonth, firstDayOf, monthOf, nextMonth } from '../dates';
import { Trace } from '../explain';
import { BENEFIT_START_DEFAULT } from '../interpretations';
import {
  type CoverageStatus,
  type Segment,
  benefitStartRule,
  coverageRules,
  objectionRule,
  segmentAt,
} from '../rulebase';
import { countyYearNote } from './coverage';
import type { Cite, Note, Step } from '../types';

/** The last year whose statutory holidays and make-up days the calendar package holds. */
export const CALENDAR_LAST_YEAR: number = Math.max(
  ...Object.keys((calendarData as { holidays: Record<string, string> }).holidays).map((d) => Number(d.slice(0, 4))),
);

export interface DateDecision {
  notes: Note[];
  citations: Cite[];
  steps: Step[];
}

export interface ObjectionDeadline extends DateDecision {
  noticeDate: string;
  /** The last day an objection may be filed; null where the window is set locally. */
  deadline: string | null;
  workingDays: number | null;
  /**
   * True when the count ran into a year whose holidays the calendar does not hold yet: the date may be too
   * early (a holiday counted as a working day), so it must not be used to refuse an objection.
   */
  provisional: boolean;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` is `from` or earlier), on the same calendar as
 * the objection deadline: weekends and statutory holidays off, 调休 make-up days on. What is left of a window.
 */
export function workingDaysAfter(from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkday(day)) n += 1;
  return n;
}

/**
 * wenzhou-2023 §三(三): "接到评估结论通知的10个工作日内". The day of the notice is not counted; working days
 * follow the Chinese calendar (weekends and statutory holidays off, 调休 make-up days on).
 */
export function objectionDeadline(noticeDate: string, region: RegionId): ObjectionDeadline {
  const t = new Trace();
  const seg = t.use(segmentAt(objectionRule(region), noticeDate));
  const base = { noticeDate };
  const out = (deadline: string | null, workingDays: number | null, provisional = false): ObjectionDeadline => ({
    ...base,
    deadline,
    workingDays,
    provisional,
    notes: t.notes,
    citations: t.citations,
    steps: t.steps,
  });
  if (seg.kind === 'no-document') {
    t.note(
      'no-document',
      `我们收录的政策文件里没有${REGION_NAMES[region]}在${chineseDate(noticeDate)}适用的文件，异议期限请向当地医保经办机构咨询。`,
    );
    return out(null, null);
  }
  if (seg.kind === 'set-locally') {
    t.note(
      'set-locally',
      `${REGION_NAMES[region]}对评估结论提出异议的期限由${seg.decidedBy}确定，我们收录的政策文件里没有这个期限。`,
      seg.cite,
    );
    return out(null, null);
  }
  const n = seg.value;
  let day = noticeDate;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWorkday(day)) counted += 1;
  }
  t.step(
    `从接到评估结论通知的次日起数${n}个工作日（不含周末和法定节假日，调休上班日计入），最后一天是${chineseDate(day)}。`,
    seg.cite,
  );
  if (region === 'wenzhou') {
    t.note('interpretation', '也可以在评估结果公示期内申请复评；公示期由当地经办机构公布。', seg.cite);
  }
  const provisional = Number(day.slice(0, 4)) > CALENDAR_LAST_YEAR;
  if (provisional) {
    t.note(
      'calendar-unpublished',
      `${CALENDAR_LAST_YEAR + 1}年及以后的法定节假日安排本系统尚未收录，这段时间只按周末计算，实际截止日可能更晚；以国务院公布的放假安排为准。`,
    );
  }
  return out(day, n, provisional);
}

export interface BenefitStart extends DateDecision {
  approvalDate: string;
  /** The first month of benefits. */
  month: string;
  firstDay: string;
  /** 'rule' where the region's document says so; 'product-default' where it is set locally. */
  basis: 'rule' | 'product-default';
}

/** Who the benefit is for: the start waits for the day the person's group is covered. */
export interface BenefitStartPerson {
  insurance?: InsuranceId;
  district?: string;
}

/**
 * wenzhou-2023 §二(四): benefits start in the month after the assessment is passed, but not before the person's
 * group is covered: city-district residents from 2024-01-01 (§五(四)), county residents from 2025 (§一(三)).
 */
export function benefitStart(approvalDate: string, region: RegionId, person: BenefitStartPerson = {}): BenefitStart {
  const t = new Trace();
  const seg = t.use(segmentAt(benefitStartRule(region), approvalDate));
  let month = nextMonth(monthOf(approvalDate));
  let firstDay = firstDayOf(month);
  const out = (basis: BenefitStart['basis']): BenefitStart => ({
    approvalDate,
    month,
    firstDay,
    basis,
    notes: t.notes,
    citations: t.citations,
    steps: t.steps,
  });
  if (seg.kind === 'value') {
    t.step(`评估通过（${chineseDate(approvalDate)}）的次月起享受待遇，即${chineseDate(firstDay)}起。`, seg.cite);
    if (region === 'wenzhou') {
      t.note('first-period-family-rate', '开始享受待遇时，可以先按居家亲情护理的服务标准支付。', seg.cite);
    }
  } else {
    t.note(
      'set-locally',
      seg.kind === 'set-locally'
        ? `${REGION_NAMES[region]}待遇从什么时候开始由${seg.decidedBy}确定；${BENEFIT_START_DEFAULT}`
        : `我们收录的政策文件里没有${REGION_NAMES[region]}适用的文件；${BENEFIT_START_DEFAULT}`,
      seg.kind === 'set-locally' ? seg.cite : undefined,
    );
  }
  if (person.insurance !== undefined) {
    const later = coveredFrom(region, person.insurance, person.district, firstDay, t);
    if (later && later > firstDay) {
      month = monthOf(later);
      firstDay = later;
    }
  }
  return out(seg.kind === 'value' ? 'rule' : 'product-default');
}

/**
 * The first day from `from` on which the person's group receives benefits, where that is later than `from`;
 * undefined when it already does, or when no later date is known (a note then says why).
 */
function coveredFrom(
  region: RegionId,
  insurance: InsuranceId,
  district: string | undefined,
  from: string,
  t: Trace,
): string | undefined {
  const rules = coverageRules(region, insurance, district);
  // The county start is read as 1 January whenever it is consulted (wenzhou-2023 §一(三) says only "2025年").
  for (const r of rules) if (r.id === 'coverage.wenzhou.resident.county') countyYearNote(t, r);
  const isCovered = (seg: Segment<CoverageStatus>) => seg.kind === 'value' && seg.value === 'covered';
  const laterStart = (r: (typeof rules)[number]) => r.timeline.find((s) => s.from > from && isCovered(s));
  if (rules.every((r) => isCovered(segmentAt(r, from)))) return undefined;
  // With several rules the district decides and was not given: the first one (市区, 试点县) is used, said so.
  const rule = rules[0];
  if (rules.length > 1) {
    t.note(
      'coverage-assumed',
      region === 'wenzhou'
        ? '温州城乡居民从什么时候开始享受待遇要看所在区县：市区（鹿城、龙湾、瓯海、洞头）和各县（市）纳入的时间不同。没有填写区县，这里按市区估计。'
        : '能否享受待遇要看所在县（市、区）。没有填写区县，这里按试点县（市、区）估计。',
    );
  }
  if (rules.length > 1 && isCovered(segmentAt(rule, from))) return undefined;
  const next = laterStart(rule);
  if (!next || next.kind === 'no-document') {
    const now = segmentAt(rule, from);
    t.note(
      'not-covered',
      `这类参保人员在${chineseDate(from)}还不在长护险保障范围内，待遇起始时间要等纳入后由经办机构确定。`,
      now.kind === 'no-document' ? undefined : now.cite,
    );
    return undefined;
  }
  t.use(next);
  t.step(
    `这类参保人员从${chineseDate(next.from)}起才享受长护险待遇，所以待遇从${chineseMonth(monthOf(next.from))}开始。`,
    next.cite,
  );
  return next.from;
}
