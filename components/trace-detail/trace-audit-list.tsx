import type { AuditEvent } from "@/lib/api/contracts/audit";
import { SEVERITY_STYLE } from "@/lib/ui/audit/severity-style";
import { formatTimestamp } from "@/lib/ui/time-format";

/** The audit events recorded in this trace, newest first, in a side list; `status` covers loading and an unavailable source. */
export function TraceAuditList({ events, total, status }: { events: readonly AuditEvent[]; total: number; status?: string }) {
  return (
    <section data-testid="trace-audit" aria-label="Audit events" className="rounded border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950">
      <h2 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
        Audit events {status === undefined && <span className="font-normal">({total})</span>}
      </h2>
      {status !== undefined ? (
        <p className="text-xs text-zinc-500">{status}</p>
      ) : events.length === 0 ? (
        <p className="text-xs text-zinc-500">No audit events were recorded in this trace.</p>
      ) : (
        <ol className="space-y-2">
          {events.map((event) => (
            <li key={event.seq} data-testid="trace-audit-event" className="flex gap-2 text-xs">
              <span className={`mt-1 h-2 w-2 shrink-0 rounded-full ${SEVERITY_STYLE[event.severity].dot}`} title={event.severity} aria-label={event.severity} />
              <div className="min-w-0">
                <p>
                  <span className="font-medium">{event.action}</span>
                  {event.resourceType && (
                    <span className="text-zinc-500">
                      {" "}
                      {event.resourceType}
                      {event.resourceId && `/${event.resourceId}`}
                    </span>
                  )}
                  {event.userId && <span className="text-zinc-500"> by {event.userId}</span>}
                </p>
                {event.description && <p className="break-words text-zinc-600 dark:text-zinc-400">{event.description}</p>}
                <p className="tabular-nums text-[11px] text-zinc-500">
                  {formatTimestamp(event.timestampUnixNano)}
                  {event.spanId && <span className="font-mono"> · span {event.spanId}</span>}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
