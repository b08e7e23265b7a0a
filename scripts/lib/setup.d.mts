// Types for the tests of what they use from setup.mjs.

export declare const ROOT: string;
export declare const BUILD_INPUTS: string[];
export declare function sourceStamp(stampFile: string, inputs: string[]): { changed: boolean; stamp(): void };
