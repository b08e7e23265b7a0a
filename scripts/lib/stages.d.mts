// Types for the tests of what they use from stages.mjs.
import type { Verdict } from "./stage-verdict.mjs";

export declare function readReport(file: string): unknown;
export declare function runCommandStage(stage: string, command: string, args: string[]): Verdict;
export declare function runVitestStage(options: { reportFile: string; env?: Record<string, string>; stage?: string; config?: string }): Verdict;
export declare function runPlaywrightStage(options: {
  port: number;
  reportFile: string;
  args?: string[];
  env?: Record<string, string>;
  stdio?: "inherit" | "pipe";
}): Promise<{ verdict: Verdict; output: string }>;
