// Dates of the Chinese calendar are taken in Asia/Shanghai, whatever the server's zone.

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// Every request asks for today; Intl formatting costs microseconds. The zone's offset is whole hours, so the
// date only changes on a minute boundary: one cached minute is exact.
let cachedMinute = NaN;
let cachedDate = '';

/** 'YYYY-MM-DD' of an instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== cachedMinute) {
    cachedDate = dateFormat.format(at);
    cachedMinute = minute;
  }
  return cachedDate;
}

/** WeChat subscription-message time value: 'YYYY年MM月DD日 HH:mm' (Asia/Shanghai). */
export function wechatTime(at: Date): string {
  const [y, m, d] = shanghaiDate(at).split('-');
  return `${y}年${m}月${d}日 ${timeFormat.format(at)}`;
}

/** 'YYYY-MM-DD' → 'YYYY年M月D日' for messages. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
