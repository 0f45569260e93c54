// Dates and times as an officer in China reads them, whatever the computer's zone.
import { chineseDate, shanghaiDate } from '../../src/lib/time';

export { chineseDate, shanghaiDate };

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
