// Types for the TypeScript benchmarks (bench/*.ts) of what they use from servers.mjs.
import type { ChildProcess } from "node:child_process";

export interface ServerHandle {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  logTail(): string;
}

export declare function serverUrl(port: number, pathname?: string): string;
export declare function databaseFilename(root: string, databaseUrl: string): string;
export declare function removeDatabase(filename: string): void;
export declare function prepareDatabase(root: string, databaseUrl: string): void;
export declare function ensureProductionBuild(root: string, databaseUrl: string): void;
export declare function startServer(options: {
  root: string;
  name: string;
  port: number;
  env: Record<string, string | undefined>;
  nodeArgs?: string[];
  attempts?: number;
  onLine?: (line: string) => void;
}): Promise<ServerHandle>;
export declare function stopServer(server: ServerHandle): Promise<void>;
export declare function stopAllServersSync(): void;
export declare function stopServersOnExit(): void;
