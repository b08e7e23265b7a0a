"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";
import { parseQueryHistory, QUERY_HISTORY_KEY, withQuery } from "./query-history";

/** Tabs learn of changes through the `storage` event; this tab through its own listeners. */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key === QUERY_HISTORY_KEY && listener();
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The stored text (a string, so React compares snapshots by value); null when storage is unavailable. */
function storedText(): string | null {
  try {
    return window.localStorage.getItem(QUERY_HISTORY_KEY);
  } catch {
    return null;
  }
}

/** The TraceQL queries run in this browser, most recent first, and how to add one. */
export function useQueryHistory(): { history: string[]; remember(query: string): void } {
  const stored = useSyncExternalStore(subscribe, storedText, () => null);
  const history = useMemo(() => parseQueryHistory(stored), [stored]);
  const remember = useCallback((query: string) => {
    try {
      window.localStorage.setItem(QUERY_HISTORY_KEY, JSON.stringify(withQuery(parseQueryHistory(storedText()), query)));
    } catch {
      // Storage full or disabled (private mode): the history is a convenience, the search still runs.
      return;
    }
    for (const listener of listeners) listener();
  }, []);
  return { history, remember };
}
