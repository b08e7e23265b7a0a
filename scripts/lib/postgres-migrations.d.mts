export declare class MigrationChecksumError extends Error {}

export declare function applyPostgresMigrations(options: {
  url: string;
  dir: string;
  log?: (message: string) => void;
}): Promise<{ applied: string[] }>;
