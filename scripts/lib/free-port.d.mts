// Types for the TypeScript files (playwright.config.ts, tests) of what they use from free-port.mjs.
export declare function freePortSync(): number;
export declare function parsePort(value: string, name?: string): number;
export declare function sharedPort(name: string, env?: Record<string, string | undefined>): number;
export declare function e2ePort(env?: Record<string, string | undefined>): number;
