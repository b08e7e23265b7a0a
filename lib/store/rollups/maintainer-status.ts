/** What a roll-up maintainer has done so far. */
export interface MaintainerStatus {
  /** Whether it maintains now (on PostgreSQL: holds the maintainer lock; one instance does). */
  active: boolean;
  bucketsComputed: number;
  /** Milliseconds spent recomputing, for its share of a core. */
  busyMs: number;
}
