"use client";

import { AuditFiltersForm } from "@/components/audit/audit-filters";
import { AuditTimeline } from "@/components/audit/audit-timeline";
import { ChainStatus } from "@/components/audit/chain-status";
import { EmptyState } from "@/components/state/empty-state";
import { ErrorState } from "@/components/state/error-state";
import { LoadingState } from "@/components/state/loading-state";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { QueryState } from "@/components/state/query-state";
import { TimeRangePicker } from "@/components/time-range/time-range-picker";
import { useAuditChainStatus, useAuditEvents, type AuditFilters } from "@/lib/client/queries/audit";
import { useUrlState } from "@/lib/client/use-url-state";
import { parseOptionalTimeRange } from "@/lib/ui/time-range";

const FILTER_KEYS = ["action", "severity", "userId", "resourceType", "resourceId", "sessionId", "engagementId", "traceId"] as const;

export function AuditView() {
  const url = useUrlState();
  const range = parseOptionalTimeRange(url.get);
  const filters: AuditFilters = Object.fromEntries(FILTER_KEYS.map((key) => [key, url.get(key) ?? undefined]).filter(([, value]) => value));
  const query = useAuditEvents(filters, range);
  const verification = useAuditChainStatus();
  const events = query.data?.pages.flatMap((page) => page.events) ?? [];
  const filtered = Object.keys(filters).length > 0 || range !== null;
  const setFilters = (next: AuditFilters) => url.update(Object.fromEntries(FILTER_KEYS.map((key) => [key, next[key] ?? null])));

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Audit trail</h1>
        <TimeRangePicker range={range} allowAll onChange={(change) => url.update(change)} />
      </div>
      <QueryState query={verification} label="Verifying the chain">
        {(result) => <ChainStatus verification={result} />}
      </QueryState>
      <AuditFiltersForm key={url.params.toString()} filters={filters} onChange={setFilters} />
      {query.isPending ? (
        <LoadingState label="Loading audit events" />
      ) : query.isError && events.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState title={filtered ? "No audit events match these filters" : "No audit events yet"}>
          {filtered ? "Clear a filter or widen the time range." : "Record one with POST /api/tracing/audit."}
        </EmptyState>
      ) : (
        <>
          <AuditTimeline events={events} onFilter={(filter) => setFilters({ ...filters, ...filter })} />
          <LoadMoreButton query={query} label="Load older events" />
        </>
      )}
    </section>
  );
}
