// Numerals, amounts, durations and dates as people type them: 3500, 三千五, 3.5千, 两千八, 一年多, 上周五.
import { addDays, daysInMonth, formatDate, isValidDate } from '@changhu/rules';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  幺: 1,
  二: 2,
  两: 2,
  俩: 2,
  贰: 2,
  三: 3,
  叁: 3,
  仨: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNITS: Record<string, number> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
  k: 1000,
  K: 1000,
  万: 10000,
  w: 10000,
  W: 10000,
};

/** Chinese digits (not units); a Chinese numeral starts with one of these or with 十. */
const CN_DIGITS = '零〇一壹幺二两俩贰三叁仨四肆五伍六陆七柒八捌九玖';
const CN_UNITS = '十拾百佰千仟万';
/** A numeral: Arabic (3500, 1,116.50, 3.5千, 3千5, 1.2万) or Chinese (三千五, 两千八, 十五). */
const NUMERAL = `(?:[0-9]+(?:[.,][0-9]+)*(?:[${CN_UNITS}kKwW](?:[0-9]|[${CN_DIGITS}])?){0,3}|[${CN_DIGITS}十拾][${CN_DIGITS}${CN_UNITS}]*)`;

type Item = { num: number; digits?: number } | { unit: number };

function items(s: string): Item[] | null {
  const out: Item[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < s.length && /[0-9.,]/.test(s[j])) j += 1;
      let raw = s.slice(i, j);
      // 1,116 is a thousands separator; 3,5 is not a number people write for 3.5 here.
      if (/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(raw)) raw = raw.replace(/,/g, '');
      raw = raw.replace(/[.,]+$/, '');
      if (!/^[0-9]+(\.[0-9]+)?$/.test(raw)) return null;
      out.push({ num: Number(raw) });
      i = j; // trailing separators are dropped
      continue;
    }
    if (ch in DIGITS) out.push({ num: DIGITS[ch], digits: 1 });
    else if (ch in UNITS) out.push({ unit: UNITS[ch] });
    else return null;
    i += 1;
  }
  return out;
}

/**
 * A numeral in Arabic or Chinese digits, or both: 3500, 3,500, 三千五 (3500), 两千八, 一万二 (12000),
 * 3.5千, 3千5, 1.2万, 二十, 十五, 二〇二四 (digit by digit). Null when it is not one number.
 */
export function parseChineseNumber(s: string): number | null {
  const list = items(s.trim());
  if (!list || list.length === 0) return null;
  // Chinese digits with no unit: positional (二〇二四 → 2024, 九 → 9).
  if (list.every((x) => 'digits' in x && x.digits === 1)) {
    if (list.length === 1) return (list[0] as { num: number }).num;
    if (list.length === 2 && (list[0] as { num: number }).num !== 0) {
      // 三四 without a unit is a range ("three or four"), not 34: take the first.
      const a = (list[0] as { num: number }).num;
      const b = (list[1] as { num: number }).num;
      if (b === a + 1) return a;
    }
    return Number(list.map((x) => (x as { num: number }).num).join(''));
  }
  let total = 0;
  let section = 0;
  let num: number | null = null;
  let lastUnit = 1;
  let zero = false;
  let prevWasUnit = false;
  for (let k = 0; k < list.length; k += 1) {
    const it = list[k];
    if ('num' in it) {
      if (num !== null && !prevWasUnit) {
        // 三四千: a range of two digits before a unit; keep the first.
        if ('digits' in it && num !== 0 && it.num === num + 1) {
          prevWasUnit = false;
          continue;
        }
        if (it.num === 0) {
          zero = true;
          continue;
        }
        return null;
      }
      if (it.num === 0 && 'digits' in it) {
        zero = true;
        prevWasUnit = false;
        continue;
      }
      num = it.num;
      prevWasUnit = false;
    } else {
      const u = it.unit;
      if (u === 10000) {
        total = (total + section + (num ?? (section === 0 && total === 0 ? 1 : 0))) * 10000;
        section = 0;
      } else {
        if (u > lastUnit && lastUnit > 1 && section > 0) return null; // 三十百: not a number
        section += (num ?? 1) * u;
      }
      lastUnit = u;
      num = null;
      zero = false;
      prevWasUnit = true;
    }
  }
  if (num !== null) {
    // 三千五 = 3500, 一万二 = 12000, 三百五 = 350: a bare digit after a unit is the next place down;
    // after 零 (三千零五) it is taken as it is.
    if (!zero && lastUnit >= 100 && list.length >= 2 && 'num' in list[list.length - 1]) {
      const lastItem = list[list.length - 1] as { num: number; digits?: number };
      const secondLast = list[list.length - 2];
      if ('unit' in secondLast && (lastItem.digits === 1 || lastItem.num < 10)) {
        section += num * (lastUnit / 10);
        num = null;
      }
    }
    section += num ?? 0;
  }
  const value = total + section;
  return Number.isFinite(value) ? value : null;
}

const MONEY_UNIT = '(?:块钱|元钱|块|元|圆|rmb|RMB)';
const AMOUNT_SRC = `(?:[¥￥]\\s*)?(${NUMERAL})(\\s*${MONEY_UNIT}(?:([${CN_DIGITS}0-9])(?:[毛角])?(?:([${CN_DIGITS}0-9])分)?)?)?(?:多|来|左右|上下)?`;
/** An amount: a numeral with an optional money unit and 毛/角 after it, or ¥ before it. */
export const AMOUNT_RE = new RegExp(AMOUNT_SRC, 'g');
const AMOUNT_AT = new RegExp(`^${AMOUNT_SRC}`);

export interface AmountMatch {
  fen: number;
  start: number;
  end: number;
  text: string;
  /** A money unit or ¥ is written, or the numeral has a magnitude (三千, 3.5千, 1万). */
  explicit: boolean;
}

function amountAt(m: RegExpExecArray): AmountMatch | null {
  const numeral = m[1];
  const yuan = parseChineseNumber(numeral);
  if (yuan === null) return null;
  let fen = Math.round(yuan * 100);
  const jiao = m[3] ? parseChineseNumber(m[3]) : null;
  const fenPart = m[4] ? parseChineseNumber(m[4]) : null;
  if (jiao !== null) fen += jiao * 10;
  if (fenPart !== null) fen += fenPart;
  const explicit = /^[¥￥]/.test(m[0]) || Boolean(m[2]) || /[千仟万kKwW百佰]/.test(numeral);
  return { fen, start: m.index, end: m.index + m[0].length, text: m[0], explicit };
}

/** Every amount-like numeral in a text, in order (the extractor decides which are money). */
export function scanAmounts(text: string): AmountMatch[] {
  const out: AmountMatch[] = [];
  AMOUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AMOUNT_RE.exec(text))) {
    // 四千一个月 is 4000 a month, not 4100: give back a trailing digit that starts 一个月 / 一年 …
    while (
      m &&
      m[0].length > 1 &&
      /[一两二三四五六七八九十]$/.test(m[0]) &&
      isFollowedByOtherUnit(text, m.index + m[0].length)
    ) {
      const index: number = m.index;
      const shorter: RegExpExecArray | null = AMOUNT_AT.exec(text.slice(index, index + m[0].length - 1));
      if (!shorter) break;
      shorter.index = index;
      m = shorter;
      AMOUNT_RE.lastIndex = index + m[0].length;
    }
    const a = amountAt(m);
    if (a) out.push(a);
  }
  return out;
}

/** The first amount in a text, in integer fen: 3500元 → 350000, 三千五 → 350000, 五块五 → 550. */
export function parseChineseAmountFen(s: string): number | null {
  const first = scanAmounts(s).find((a) => !isFollowedByOtherUnit(s, a.end));
  return first ? first.fen : null;
}

/** Units after a numeral that make it something other than money (months, years, grade, score …). */
const OTHER_UNIT =
  /^\s*(?:个多?月|个半月|多?个?月|年|岁|周岁|级|号|日|天|周|星期|礼拜|次|分钟|小时|点|分(?!钱)|人|口|个|%|％|斤|公斤|米|层|楼|床|期|家|项|条|名|位|平|张|页|年级)/;

export function isFollowedByOtherUnit(text: string, end: number): boolean {
  return OTHER_UNIT.test(text.slice(end));
}

// ---------------------------------------------------------------- durations

const DUR_NUM = `(?:[0-9]+(?:\\.[0-9]+)?|[${CN_DIGITS}十拾百]+)`;
/** A duration: 三个多月, 半年, 一年多, 一年半, 6个月, 俩月, 两周, 十来天, 一年零三个月. */
export const DURATION_RE = new RegExp(
  `(?:(${DUR_NUM})年(?:零|又)?(?:(${DUR_NUM})个?(?:多)?月)|(大半年|小半年|半年多?|半个?月)|(${DUR_NUM})\\s*(?:来|多)?\\s*(年|个月|个半月|个多月|月|周|星期|礼拜|天)(半|多)?)`,
  'g',
);

function durationOf(m: RegExpExecArray): number | null {
  if (m[1] !== undefined) {
    const y = parseChineseNumber(m[1]);
    const mo = parseChineseNumber(m[2]);
    return y === null || mo === null ? null : y * 12 + mo;
  }
  if (m[3] !== undefined) {
    const w = m[3];
    if (w === '大半年') return 8; // well over half a year
    if (w === '小半年') return 5; // nearly half a year
    if (w.startsWith('半年')) return 6;
    return 0.5; // 半个月
  }
  const n = parseChineseNumber(m[4]);
  if (n === null) return null;
  const unit = m[5];
  const half = m[6] === '半' ? 0.5 : 0;
  if (unit === '年') return (n + half) * 12;
  if (unit === '个半月') return n + 0.5;
  if (unit.endsWith('月')) return n + half;
  if (unit === '天') return Math.round((n / 30) * 100) / 100;
  return Math.round(((n * 7) / 30) * 100) / 100; // weeks
}

export interface DurationMatch {
  months: number;
  start: number;
  end: number;
  text: string;
}

export function scanDurations(text: string): DurationMatch[] {
  const out: DurationMatch[] = [];
  DURATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION_RE.exec(text))) {
    const months = durationOf(m);
    if (months !== null && months <= 1200) out.push({ months, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Months in a duration: 三个多月 → 3 (at least), 半年 → 6, 一年多 → 12, 一年半 → 18, 两周 → 0.47. */
export function parseDurationMonths(s: string): number | null {
  const first = scanDurations(s)[0];
  return first ? first.months : null;
}

// ---------------------------------------------------------------- dates

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, 七: 7 };
const RELATIVE_DAYS: [RegExp, number][] = [
  [/^大前天/, -3],
  [/^前天|^前儿/, -2],
  [/^昨天|^昨日|^昨儿/, -1],
  [/^今天|^今日|^今儿/, 0],
  [/^明天|^明日|^明儿/, 1],
  [/^大后天/, 3],
  [/^后天/, 2],
];

const DN = `(?:[0-9]{1,4}|[${CN_DIGITS}十]{1,4})`;
/** Date expressions the parser knows; the extractor scans with it. */
export const DATE_RE = new RegExp(
  [
    `(?:(?:${DN}|去|今|明|前)年)?${DN}月${DN}(?:日|号)`,
    `[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}`,
    `(?:上上|上|这|本|下下|下)?个?月${DN}(?:日|号)`,
    `(?:上上|上|这|本|下下|下)(?:个)?(?:周|星期|礼拜)[一二三四五六日天七]`,
    `(?:周|星期|礼拜)[一二三四五六日天七]`,
    `${DN}(?:天|日)(?:以前|之前|前|以后|之后|后)`,
    `大前天|前天|昨天|昨日|今天|今日|明天|明日|大后天|后天|昨儿|今儿|明儿`,
    `${DN}(?:日|号)`,
  ].join('|'),
  'g',
);

function ymd(today: string): [number, number, number] {
  const [y, m, d] = today.split('-').map(Number);
  return [y, m, d];
}

function isoWeekday(date: string): number {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 ? 7 : dow;
}

function valid(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const s = formatDate(y, m, d);
  return isValidDate(s) ? s : null;
}

function num(s: string): number | null {
  return parseChineseNumber(s);
}

/**
 * A date as people write it, relative to today (YYYY-MM-DD, Asia/Shanghai): 2024年9月27日, 2024-09-27,
 * 九月二十七号, 27号 (this month), 上周五 (weeks start on Monday), 周三 (this week), 今天, 前天, 3天前,
 * 上个月5号, 去年9月1日. Null when it is no date or no valid one.
 */
export function parseChineseDate(s: string, today: string): string | null {
  const t = s.trim();
  if (!isValidDate(today)) return null;
  const [ty, tm] = ymd(today);
  for (const [re, off] of RELATIVE_DAYS) if (re.test(t)) return addDays(today, off);
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})/))) return valid(+m[1], +m[2], +m[3]);
  if ((m = t.match(new RegExp(`^(?:(${DN}|去|今|明|前)年)?(${DN})月(${DN})(?:日|号)`)))) {
    let y = ty;
    if (m[1] === '去') y = ty - 1;
    else if (m[1] === '前') y = ty - 2;
    else if (m[1] === '明') y = ty + 1;
    else if (m[1] && m[1] !== '今') {
      const n = num(m[1]);
      if (n === null) return null;
      y = n < 100 ? 2000 + n : n;
    }
    const mo = num(m[2]);
    const d = num(m[3]);
    return mo === null || d === null ? null : valid(y, mo, d);
  }
  if ((m = t.match(new RegExp(`^(上上|上|这|本|下下|下)?个?月(${DN})(?:日|号)`)))) {
    const shift = { 上上: -2, 上: -1, 这: 0, 本: 0, 下: 1, 下下: 2 }[m[1] ?? '本'] ?? 0;
    const idx = ty * 12 + (tm - 1) + shift;
    const d = num(m[2]);
    return d === null ? null : valid(Math.floor(idx / 12), (idx % 12) + 1, d);
  }
  if ((m = t.match(/^(上上|上|这|本|下下|下)?个?(?:周|星期|礼拜)([一二三四五六日天七])/))) {
    const shift = { 上上: -2, 上: -1, 这: 0, 本: 0, 下: 1, 下下: 2 }[m[1] ?? '本'] ?? 0;
    const target = WEEKDAYS[m[2]];
    const monday = addDays(today, 1 - isoWeekday(today));
    return addDays(monday, shift * 7 + target - 1);
  }
  if ((m = t.match(new RegExp(`^(${DN})(?:天|日)(以前|之前|前|以后|之后|后)`)))) {
    const n = num(m[1]);
    if (n === null) return null;
    return addDays(today, m[2].endsWith('前') ? -n : n);
  }
  if ((m = t.match(new RegExp(`^(${DN})(?:日|号)$`)))) {
    const d = num(m[1]);
    return d === null ? null : valid(ty, tm, d);
  }
  return null;
}
