import Link from "next/link";
import type { AuditEvent } from "@/lib/api/contracts/audit";
import type { AuditFilters } from "@/lib/client/queries/audit";
import { unixNanoToMs } from "@/lib/domain/time-units";
import { SEVERITY_STYLE } from "@/lib/ui/audit/severity-style";
import { formatTimeOfDay } from "@/lib/ui/time-format";
import { ValueDiffTable } from "./value-diff-table";

function FilterChip({ label, value, onClick }: { label: string; value: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} title={`Show only ${label} ${value}`} className="max-w-full truncate rounded px-1 text-left hover:bg-zinc-100 hover:underline dark:hover:bg-zinc-800">
      <span className="text-zinc-500">{label} </span>
      <span className="font-medium">{value}</span>
    </button>
  );
}

function resourceOf(event: AuditEvent): string | null {
  if (!event.resourceType && !event.resourceId) return null;
  return [event.resourceType, event.resourceId].filter(Boolean).join("/");
}

/** One audit event on the timeline; its actor, resource, session and engagement narrow the list when clicked. */
export function AuditEventCard({ event, onFilter }: { event: AuditEvent; onFilter: (filter: AuditFilters) => void }) {
  const severity = SEVERITY_STYLE[event.severity];
  const time = new Date(unixNanoToMs(event.timestampUnixNano));
  const resource = resourceOf(event);
  const hasDiff = event.before !== null || event.after !== null;
  const details = [
    ["IP address", event.ipAddress],
    ["User agent", event.userAgent],
    ["Span", event.spanId],
    ["Hash", event.hash],
  ].filter((entry): entry is [string, string] => Boolean(entry[1]));

  return (
    <li data-testid="audit-event" data-seq={event.seq} className="relative pl-6">
      <span className={`absolute left-0 top-2 h-3 w-3 rounded-full ring-4 ring-zinc-50 dark:ring-zinc-950 ${severity.dot}`} aria-hidden />
      <article className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <time dateTime={time.toISOString()} className="font-mono text-xs text-zinc-500" title={time.toISOString()}>
            {formatTimeOfDay(time.getTime())}
          </time>
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium uppercase ${severity.badge}`}>{event.severity}</span>
          <button type="button" onClick={() => onFilter({ action: event.action })} className="font-semibold hover:underline" title={`Show only ${event.action}`}>
            {event.action}
          </button>
          {event.userId && <FilterChip label="by" value={event.userId} onClick={() => onFilter({ userId: event.userId! })} />}
          {resource && <FilterChip label="on" value={resource} onClick={() => onFilter({ resourceType: event.resourceType ?? undefined, resourceId: event.resourceId ?? undefined })} />}
          <span className="ml-auto flex items-center gap-3 text-xs">
            <span className="font-mono text-zinc-500">seq {event.seq}</span>
            {event.traceId && (
              <Link href={`/traces/${event.traceId}`} data-testid="audit-trace-link" className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                View trace →
              </Link>
            )}
          </span>
        </header>
        {event.description && <p data-testid="audit-description" className="mt-1 whitespace-pre-wrap break-words text-sm">{event.description}</p>}
        <div className="mt-1 flex flex-wrap gap-x-3 text-xs">
          {event.sessionId && <FilterChip label="session" value={event.sessionId} onClick={() => onFilter({ sessionId: event.sessionId! })} />}
          {event.engagementId && <FilterChip label="engagement" value={event.engagementId} onClick={() => onFilter({ engagementId: event.engagementId! })} />}
        </div>
        {hasDiff && (
          <div className="mt-2 rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <ValueDiffTable before={event.before} after={event.after} />
          </div>
        )}
        {(details.length > 0 || event.metadata !== null) && (
          <details className="mt-2 text-xs">
            <summary className="cursor-pointer text-zinc-500">Details</summary>
            <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
              {details.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-zinc-500">{label}</dt>
                  <dd className="break-all font-mono">{value}</dd>
                </div>
              ))}
              {event.metadata !== null && (
                <>
                  <dt className="text-zinc-500">Metadata</dt>
                  <dd className="whitespace-pre-wrap break-all font-mono">{JSON.stringify(event.metadata, null, 2)}</dd>
                </>
              )}
            </dl>
          </details>
        )}
      </article>
    </li>
  );
}
