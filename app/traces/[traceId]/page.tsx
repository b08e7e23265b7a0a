"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Suspense, useState } from "react";
import { EmptyState } from "@/components/state/empty-state";
import { LoadingState } from "@/components/state/loading-state";
import { QueryState } from "@/components/state/query-state";
import { TraceActions } from "@/components/trace-detail/trace-actions";
import { TraceAuditList } from "@/components/trace-detail/trace-audit-list";
import { TraceView } from "@/components/trace-detail/trace-view";
import { traceViewFromUrl, traceViewToUrl } from "@/lib/ui/trace-detail/trace-view-url";
import { ApiError } from "@/lib/client/api-client";
import { useTraceAuditEvents } from "@/lib/client/queries/trace-audit";
import { traceDetailPath, useTraceDetail } from "@/lib/client/queries/trace-detail";
import { useUrlState } from "@/lib/client/use-url-state";

function TraceAudit({ traceId }: { traceId: string }) {
  const audit = useTraceAuditEvents(traceId);
  if (audit.isPending) return <TraceAuditList events={[]} total={0} status="Loading…" />;
  // The audit trail is an extra: when it cannot be read, say so quietly and keep the trace.
  if (audit.isError) return <TraceAuditList events={[]} total={0} status="Audit events are not available." />;
  return <TraceAuditList events={audit.data.auditEvents} total={audit.data.audit_log_count} />;
}

function TraceDetailContent() {
  const { traceId } = useParams<{ traceId: string }>();
  const url = useUrlState();
  const [initial] = useState(() => traceViewFromUrl(url.get));
  const query = useTraceDetail(traceId);

  if (query.error instanceof ApiError && query.error.status === 404)
    return (
      <EmptyState title="No trace with this id">
        <p className="font-mono">{traceId}</p>
        <p className="mt-2">
          It may not have arrived yet, or it was removed by retention. <Link href="/traces" className="underline">Search traces</Link>
        </p>
      </EmptyState>
    );
  return (
    <QueryState query={query} label="Loading trace">
      {(trace) => (
        <TraceView
          trace={trace}
          stored
          initial={initial}
          onStateChange={(state) => {
            const changes = traceViewToUrl(state);
            if (Object.entries(changes).some(([key, value]) => url.get(key) !== value)) url.update(changes, { replace: true });
          }}
          actions={<TraceActions traceId={trace.traceId} jsonPath={traceDetailPath(trace.traceId)} />}
          aside={<TraceAudit traceId={trace.traceId} />}
        />
      )}
    </QueryState>
  );
}

/** One trace: header, minimap, waterfall, span detail and the audit events recorded in it. */
export default function TraceDetailPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading trace" />}>
      <TraceDetailContent />
    </Suspense>
  );
}
