"use client";

import { ErrorState } from "@/components/state/error-state";

/** The paging state of an infinite query (TanStack Query's names). */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage(): unknown;
}

/** Below a paged list: "Load more" while there is a next page, or the error of the last attempt with a retry. */
export function LoadMoreButton({ query, label = "Load more" }: { query: PagedQuery; label?: string }) {
  const more = () => void query.fetchNextPage();
  if (query.isFetchNextPageError) return <ErrorState error={query.error} onRetry={more} />;
  if (!query.hasNextPage) return null;
  return (
    <div className="flex justify-center">
      <button
        type="button"
        onClick={more}
        disabled={query.isFetchingNextPage}
        className="rounded border border-zinc-300 px-4 py-1.5 text-sm font-medium hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {query.isFetchingNextPage ? "Loading…" : label}
      </button>
    </div>
  );
}
