// Types for the TypeScript scripts of what they use from postgres.mjs.
export interface TestPostgres {
  url: string;
  stop(): void;
  pause(): void;
  resume(): void;
}
export declare function startTestPostgres(): Promise<TestPostgres>;
