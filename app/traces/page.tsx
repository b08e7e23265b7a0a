"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Suspense, useMemo, useState } from "react";
import { EmptyState } from "@/components/state/empty-state";
import { ErrorState } from "@/components/state/error-state";
import { LoadingState } from "@/components/state/loading-state";
import { draftOf, searchOfDraft, type SearchDraft, type SearchProblems } from "@/lib/ui/traces/search-draft";
import { withMode } from "@/lib/ui/traces/draft-traceql";
import { tracePath } from "@/lib/ui/traces/trace-link";
import { DEFAULT_SORT, sortTraces, traceSortOf, type TraceSort } from "@/lib/ui/traces/sort-traces";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { TraceIdJump } from "@/components/traces/trace-id-jump";
import { TraceResultList } from "@/components/traces/trace-result-list";
import { TraceResultsToolbar } from "@/components/traces/trace-results-toolbar";
import { TraceScatterChart } from "@/components/traces/trace-scatter-chart";
import { TraceSearchForm } from "@/components/traces/trace-search-form";
import { describeSearch, durationFilterNote } from "@/lib/ui/traces/describe-search";
import { unixNanoToMs } from "@/lib/domain/time-units";
import { activeQuery, operationOptions, readTraceSearch, traceSearchUrlChanges, type SearchMode, type TraceSearch } from "@/lib/ui/traces/trace-search";
import { useOperations, useServices } from "@/lib/client/queries/services";
import { traceSearchKey, useTraceSearch } from "@/lib/client/queries/traces";
import { useQueryHistory } from "@/lib/client/use-query-history";
import { useUrlState } from "@/lib/client/use-url-state";

export default function TracesPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading traces" />}>
      <TracesSearchPage />
    </Suspense>
  );
}

function TracesSearchPage() {
  const url = useUrlState();
  const router = useRouter();
  const queryClient = useQueryClient();
  const search = useMemo(() => readTraceSearch(url.params), [url.params]);
  const sort = traceSortOf(url.get("sort"));
  const searchKey = JSON.stringify(traceSearchUrlChanges(search));

  // A TraceQL search opens a trace with its query in find-in-trace, so the matched spans are marked.
  const openTrace = (traceId: string) => router.push(tracePath(traceId, activeQuery(search)));

  function runSearch(next: TraceSearch) {
    // The same search again looks again: a fresh window up to now, from the first page.
    if (JSON.stringify(traceSearchUrlChanges(next)) === searchKey) void queryClient.resetQueries({ queryKey: traceSearchKey(search) });
    else url.update(traceSearchUrlChanges(next));
  }

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <h1 className="text-xl font-semibold">Traces</h1>
        <div className="min-w-0 flex-1 lg:max-w-2xl">
          <TraceIdJump onOpen={openTrace} />
        </div>
      </div>
      {/* Keyed by the URL's search, so back/forward and shared links reset the form to what they describe. */}
      <SearchPanel key={searchKey} search={search} onSearch={runSearch} onIncludeSelf={(include) => url.update({ includeSelf: include ? "true" : null })} />
      <TraceResults search={search} sort={sort} onSort={(next) => url.update({ sort: next === DEFAULT_SORT ? null : next }, { replace: true })} onOpen={openTrace} />
    </section>
  );
}

function SearchPanel({ search, onSearch, onIncludeSelf }: { search: TraceSearch; onSearch(search: TraceSearch): void; onIncludeSelf(include: boolean): void }) {
  const [draft, setDraft] = useState(() => draftOf(search));
  const [problems, setProblems] = useState<SearchProblems>({});
  const services = useServices();
  const operations = useOperations(draft.service);
  const { history, remember } = useQueryHistory();

  /** Runs the draft (a TraceQL one joins the history), or shows what is wrong with it; true when it ran. */
  function run(next: SearchDraft): boolean {
    const result = searchOfDraft(next);
    setProblems(result.ok ? {} : result.problems);
    if (!result.ok) return false;
    onSearch(result.search);
    return true;
  }

  function submit() {
    if (run(draft) && activeQuery(draft)) remember(activeQuery(draft));
  }

  // A switch is a search of its own (in the URL, so reload and back keep the mode); a draft that cannot run yet switches here alone.
  function switchMode(mode: SearchMode) {
    const next = withMode(draft, mode);
    setDraft(next);
    run(next);
  }

  return (
    <TraceSearchForm
      draft={draft}
      problems={problems}
      services={{
        items: services.data?.services.map((service) => service.name) ?? [],
        loading: services.isPending,
        error: services.error?.message,
        onRetry: () => void services.refetch(),
      }}
      operations={{
        items: operationOptions(operations.data?.operations ?? []),
        loading: operations.isPending && draft.service !== "",
        error: operations.error?.message,
        onRetry: () => void operations.refetch(),
      }}
      history={history}
      onChange={setDraft}
      onSubmit={submit}
      onMode={switchMode}
      onIncludeSelf={onIncludeSelf}
    />
  );
}

function TraceResults({ search, sort, onSort, onOpen }: { search: TraceSearch; sort: TraceSort; onSort(sort: TraceSort): void; onOpen(traceId: string): void }) {
  const query = useTraceSearch(search);
  const sorted = useMemo(() => sortTraces(query.data?.pages.flatMap((page) => page.traces) ?? [], sort), [query.data, sort]);

  if (query.isPending) return <LoadingState label="Searching traces" />;
  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const first = query.data.pages[0];
  const window = { startMs: unixNanoToMs(first.window.startTimeUnixNano), endMs: unixNanoToMs(first.window.endTimeUnixNano) };
  const nowMs = query.dataUpdatedAt;
  if (sorted.length === 0) {
    return (
      <EmptyState title="No traces found">
        No trace matches {describeSearch(search, window)}. Widen the time range, loosen the filters, or send spans to this server.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3" aria-busy={query.isFetching}>
      <TraceScatterChart traces={sorted} window={window} nowMs={nowMs} onOpen={onOpen} />
      <TraceResultsToolbar shown={sorted.length} more={query.hasNextPage} durationNote={durationFilterNote(search, first.durationFilter)} sort={sort} onSort={onSort} />
      <TraceResultList traces={sorted} nowMs={nowMs} query={activeQuery(search)} />
      <LoadMoreButton query={query} />
    </div>
  );
}
