// Dates that follow from a decision: when benefits start, and until when an objection can be filed.
import { isWorkday } from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { type RegionId, REGION_NAMES } from '../domain';
import { addDays, chineseDate, firstDayOf, monthOf, nextMonth } from '../dates';
import { Trace } from '../explain';
import { BENEFIT_START_DEFAULT } from '../interpretations';
import { benefitStartRule, objectionRule, segmentAt } from '../rulebase';
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
      `规则库中没有${REGION_NAMES[region]}在${chineseDate(noticeDate)}适用的文件，异议期限请向当地医保经办机构咨询。`,
    );
    return out(null, null);
  }
  if (seg.kind === 'set-locally') {
    t.note(
      'set-locally',
      `${REGION_NAMES[region]}对评估结论提出异议的期限由${seg.decidedBy}确定，规则库中没有这个期限。`,
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

/** wenzhou-2023 §二(四): benefits start in the month after the assessment is passed. */
export function benefitStart(approvalDate: string, region: RegionId): BenefitStart {
  const t = new Trace();
  const seg = t.use(segmentAt(benefitStartRule(region), approvalDate));
  const month = nextMonth(monthOf(approvalDate));
  const out = (basis: BenefitStart['basis']): BenefitStart => ({
    approvalDate,
    month,
    firstDay: firstDayOf(month),
    basis,
    notes: t.notes,
    citations: t.citations,
    steps: t.steps,
  });
  if (seg.kind === 'value') {
    t.step(
      `评估通过（${chineseDate(approvalDate)}）的次月起享受待遇，即${chineseDate(firstDayOf(month))}起。`,
      seg.cite,
    );
    if (region === 'wenzhou') {
      t.note('interpretation', '开始时可以先按居家亲情护理的服务标准支付。', seg.cite);
    }
    return out('rule');
  }
  t.note(
    'set-locally',
    seg.kind === 'set-locally'
      ? `${REGION_NAMES[region]}待遇从什么时候开始由${seg.decidedBy}确定；${BENEFIT_START_DEFAULT}`
      : `规则库中没有${REGION_NAMES[region]}适用的文件；${BENEFIT_START_DEFAULT}`,
    seg.kind === 'set-locally' ? seg.cite : undefined,
  );
  return out('product-default');
}
