export { checkDatabase, type DatabaseHealth } from "./check-database";
export { getDb, type Db } from "./db";
export { getSpanStore, type DeleteResult, type SpanStore, type StorageStats, type WriteResult } from "./span-store";
