// Types for the TypeScript benchmarks (bench/*.ts) of what they use from report.mjs.
export declare function machineDescription(): string;
