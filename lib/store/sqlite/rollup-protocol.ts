/** The roll-up thread's calls (rollup-worker.ts answers them, sqlite-rollup-thread.ts makes them). */
export type RollupMethod = "refresh" | "dropEmptyBefore" | "maintain" | "status" | "close";

export interface RollupThreadData {
  filename: string;
}
