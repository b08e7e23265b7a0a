// Types for the tests of what they use from stage-verdict.mjs.
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
export interface Verdict {
  stage: string;
  ok: boolean;
  reason?: string;
  counts: Counts;
}
/** The part of a spawnSync result a verdict reads. */
export interface Exit {
  status: number | null;
  signal?: string | null;
  error?: Error;
}
export interface Summary {
  counts: Counts;
  failedStages: Verdict[];
  exitCode: 0 | 1;
}
export declare function describeExit(tool: string, exit: Exit): string | null;
export declare function commandVerdict(stage: string, tool: string, exit: Exit): Verdict;
export declare function failedStage(stage: string, reason: string): Verdict;
export declare function vitestVerdict(exit: Exit, report: unknown, stage?: string): Verdict;
export declare function playwrightVerdict(exit: Exit, report: unknown): Verdict;
export declare function summarize(verdicts: readonly Verdict[]): Summary;
export declare function summaryLines(summary: Summary): string[];
