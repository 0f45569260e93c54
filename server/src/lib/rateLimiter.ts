import type { Clock } from './time';

/**
 * Counts events per key in a sliding window, in memory. Used where a database row per event is not
 * needed (code requests per client address, against SMS bombing across many phones); per-phone limits
 * live in the database so that every server instance sees them.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Records one event for key; false when the key has already used its limit in the window. */
  take(key: string): boolean {
    const now = this.clock().getTime();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs && t <= now);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return true;
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key);
    }
  }
}
