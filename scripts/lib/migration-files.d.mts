export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export declare function readMigrations(dir: string): Migration[];
