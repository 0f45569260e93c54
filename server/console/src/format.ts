// Dates and times as an officer in China reads them, whatever the computer's zone. The console bundles no
// server code, so these are its own (the same words as the server's messages).

const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return shanghaiDay.format(at);
}

/** '2026-05-20' → '2026年5月20日'. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** '2026/05/20 10:00' in Asia/Shanghai. */
export function dateTimeText(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Whole days from an instant to now, for "waiting N days" in the queue. */
export function daysSince(iso: string, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** '2026年5月20日' of an instant, in Asia/Shanghai. */
export function dayText(iso: string): string {
  return chineseDate(shanghaiDate(new Date(iso)));
}

/** '2026-12' → '2026年12月'. */
export function monthText(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** '2027-01' → '2026-12'. */
export function previousMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** '2026-12' → '2027-01'. */
export function nextMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** '15:27' in Asia/Shanghai. */
export function timeText(iso: string): string {
  return clock.format(new Date(iso));
}

/** Integer fen → '1,234.56 元', computed on integers so no float ever rounds a cent. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}

/** What an officer types as yuan ('3456.78', '3,456.7', '100') → integer fen; null if it is not an amount. */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(
    text
      .trim()
      .replace(/[,，\s]/g, '')
      .replace(/元$/, ''),
  );
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen → the yuan an input shows when editing ('3456.78'). */
export function yuanInput(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** A ratio the API returned (0.8) as the percentage officers read (80%). */
export function percentText(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** '2026-06-10' → '6月10日' (the year is shown elsewhere). */
export function shortDayText(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

/** Minutes as '1小时30分钟'. */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m}分钟`;
  return m ? `${h}小时${m}分钟` : `${h}小时`;
}

/** Metres as '850米' or '3.2公里'. */
export function distanceText(metres: number): string {
  return metres < 1000 ? `${metres}米` : `${(metres / 1000).toFixed(1)}公里`;
}
