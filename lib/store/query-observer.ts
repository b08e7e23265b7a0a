/** What the store tells an observer about one database operation (OpenTelemetry database conventions). */
export interface StoreQuery {
  /** `findMany spans`, `append audit_events`, ... */
  name: string;
  attributes: Record<string, string>;
}

/** Wraps one database operation; the server lifecycle connects self-tracing here. */
export type QueryObserver = <T>(query: StoreQuery, run: () => Promise<T>) => Promise<T>;

const passThrough: QueryObserver = (_query, run) => run();

// On globalThis: Next.js bundles instrumentation and each route separately, and they must share one observer.
const state = globalThis as unknown as { traceboardQueryObserver?: QueryObserver };

/** Sets the observer of every store query (one per process; a later call replaces it). */
export function observeStoreQueries(observer: QueryObserver): void {
  state.traceboardQueryObserver = observer;
}

/** Runs `run` under the connected observer, or directly when none is connected. */
export function runObservedQuery<T>(query: StoreQuery, run: () => Promise<T>): Promise<T> {
  return (state.traceboardQueryObserver ?? passThrough)(query, run);
}

/** Runs one SELECT on `table` made outside Prisma (plain rows, for reads of many) under the observer, named as Prisma's queries are. */
export function runObservedSelect<T>(system: "sqlite" | "postgresql", table: string, run: () => Promise<T>): Promise<T> {
  const attributes = { "db.system.name": system, "db.operation.name": "SELECT", "db.collection.name": table };
  return runObservedQuery({ name: `SELECT ${table}`, attributes }, run);
}
