// The readings the product makes where a seed's words leave room (README, "Interpretations the product makes").
// Each lives here once; every result it touches carries its note.
import type { DocId } from './domain';
import { getDocument } from './documents';
import { documentShortName } from './names';
import { chineseDate } from './dates';
import type { Trace } from './explain';
import { percentOf, prorate, yuanText } from './money';
import type { Cite } from './types';

/**
 * wenzhou-2023 §二(五) "每月最高限额" caps the month's eligible cost, of which the fund pays its ratio;
 * §四(四) "按实际享受天数进行结算": a part month caps it at cap × days ÷ days of the month, half up.
 */
export function capEligibleCost(
  t: Trace,
  a: { billFen: number; capFen: number; capCite: Cite[]; days: number; daysInMonth: number },
): { eligibleFen: number; proratedCapFen?: number } {
  t.note(
    'cap-on-eligible-cost',
    '“每月最高限额”理解为当月可以报销的护理费用的上限：超出限额的部分由个人负担，限额以内的部分由基金按比例支付。',
    a.capCite,
  );
  let cap = a.capFen;
  let proratedCapFen: number | undefined;
  if (a.days < a.daysInMonth) {
    cap = proratedCapFen = prorate(a.capFen, a.days, a.daysInMonth);
    t.note(
      'prorated',
      `当月只享受了${a.days}天待遇（共${a.daysInMonth}天），按实际天数结算：` +
        `限额按${yuanText(a.capFen)}×${a.days}÷${a.daysInMonth}=${yuanText(cap)}计算（四舍五入到分）。`,
      [{ doc: 'wenzhou-2023', clause: '§四(四)' }],
    );
  }
  const eligibleFen = Math.min(a.billFen, cap);
  t.step(`可报销费用：账单${yuanText(a.billFen)}与限额${yuanText(cap)}取较小者，为${yuanText(eligibleFen)}。`);
  return proratedCapFen === undefined ? { eligibleFen } : { eligibleFen, proratedCapFen };
}

/** Where the rule base holds a ratio but no cap (jining-2022), the ratio applies to the whole bill. */
export function noCapHeld(t: Trace, label: string, decidedBy: string, cite: Cite[]): void {
  t.note(
    'set-locally',
    `${label}由${decidedBy}确定，我们收录的政策文件里没有这个数字；下面按全部账单费用计算，实际报销可能更少。`,
    cite,
  );
}

/**
 * jilin-2017 §四(五) "总体上控制在70%左右" is an overall level, not a ratio to compute a bill with:
 * the estimate shows it only as an indication.
 */
export function indicativeFundShare(t: Trace, eligibleFen: number, percent: number): number {
  const fen = percentOf(eligibleFen, percent);
  t.note(
    'indicative',
    `吉林省文件只说基金支付水平“总体上控制在${percent}%左右”，这是总体水平，不是计算账单的比例。` +
      `按${percent}%粗略估计，基金约支付${yuanText(fen)}，仅供参考；具体比例和年度限额由试点城市确定。`,
    [{ doc: 'jilin-2017', clause: '§四(五)' }],
  );
  return fen;
}

/**
 * A draft is said to be one; a document without a date says from when it is applied; past its period a
 * document still gives its last known values, marked as such.
 */
export function documentStatusNotes(t: Trace, doc: DocId, pastPeriod: boolean): void {
  const d = getDocument(doc);
  if (d.draft) {
    t.note(
      'draft-document',
      `${documentShortName(doc)}还没有正式发布，这里的数字只供参考，以正式文件和当地医保部门的通知为准。`,
      d.cite,
    );
  }
  if (!d.draft && d.issued === null) {
    // jining-2022 carries no date; it is "2022年市政府为民办实事", so it is applied from 1 January 2022.
    t.note(
      'interpretation',
      `${documentShortName(doc)}没有写发文日期，这里按${chineseDate(d.inForce.from)}起适用。`,
      d.cite,
    );
  }
  if (pastPeriod && d.inForce.to) {
    t.note(
      'document-expired',
      `${documentShortName(doc)}的期限到${chineseDate(d.inForce.to)}为止，已经过期。` +
        '接替它的文件不在我们收录的政策文件中，下面按它最后的规定说明，仅供参考，请向当地医保部门确认现行标准。',
      d.cite,
    );
  }
}

/** Where no seed says when benefits start, the product assumes the month after approval, and says so. */
export const BENEFIT_START_DEFAULT = '这里按评估通过的次月估计，以经办机构通知为准。';
