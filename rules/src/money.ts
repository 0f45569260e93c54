// Money is integer fen; these are the only roundings the rules make (half up, to the fen).

/** pct% of an amount, rounded half up: 80% of 298000 → 238400. */
export function percentOf(fen: number, percent: number): number {
  return Math.floor((fen * percent + 50) / 100);
}

/** amount × num ÷ den, rounded half up: the pro-rata cap of a part month (wenzhou-2023 §四(四)). */
export function prorate(fen: number, num: number, den: number): number {
  return Math.floor((2 * fen * num + den) / (2 * den));
}

/** For screens and replies only: 111600 → '1,116.00元'. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}元`;
}
