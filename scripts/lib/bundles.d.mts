// Types for the TypeScript files (Vitest global setup) of what they use from bundles.mjs.
export declare const DIST: string;
export declare const WRITER_WORKER_BUNDLE: string;
export declare const DEMO_BUNDLE: string;
export declare function ensureBundles(options?: { quiet?: boolean }): Promise<void>;
