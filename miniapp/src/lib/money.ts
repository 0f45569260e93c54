// Money is integer fen everywhere; only the screen shows yuan. Parsing what people type (3500, 3,500,
// ３５００元, 3500.5) into fen uses string arithmetic, never floating point.

/** ¥1,116.00 */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Typed yuan → fen, or a message saying what to fix. */
export function parseYuan(typed: string): { fen: number } | { error: string } {
  const text = typed
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，,\s]/g, '')
    .replace(/[．。]/g, '.')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (text === '') return { error: '请填写每月大约要花多少钱，例如 3500' };
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return { error: '请只填数字，例如 3500 或 3,500（单位：元）' };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return { fen };
}

/** 0.7 → 70% (the server's ratio, shown as people read it). */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}
