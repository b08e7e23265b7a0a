import type { QueryObserver, StoreQuery } from "@/lib/store/query-observer";

/** The store queries `run` makes, as the query observer sees them; the connected observer is restored after. */
export async function storeQueriesOf(run: () => Promise<unknown>): Promise<StoreQuery[]> {
  const { observeStoreQueries } = await import("@/lib/store/query-observer");
  const state = globalThis as unknown as { traceboardQueryObserver?: QueryObserver };
  const connected = state.traceboardQueryObserver;
  const seen: StoreQuery[] = [];
  observeStoreQueries((query, work) => {
    seen.push(query);
    return work();
  });
  try {
    await run();
  } finally {
    state.traceboardQueryObserver = connected;
  }
  return seen;
}
