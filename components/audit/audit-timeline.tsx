import type { AuditEvent } from "@/lib/api/contracts/audit";
import type { AuditFilters } from "@/lib/client/queries/audit";
import { dayHeading, groupByDay } from "@/lib/ui/audit/day-groups";
import { unixNanoToMs } from "@/lib/domain/time-units";
import { AuditEventCard } from "./audit-event-card";

/** Events grouped by local day, newest first, on a vertical line. */
export function AuditTimeline({ events, onFilter }: { events: readonly AuditEvent[]; onFilter: (filter: AuditFilters) => void }) {
  const groups = groupByDay(events, (event) => unixNanoToMs(event.timestampUnixNano));
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <section key={group.day} data-testid="audit-day" data-day={group.day} aria-label={group.day}>
          <h2 className="sticky top-0 z-10 bg-zinc-50/90 py-1 text-sm font-semibold backdrop-blur dark:bg-zinc-950/90">
            {dayHeading(group.day)} <span className="font-normal text-zinc-500">· {group.day} · {group.events.length} events</span>
          </h2>
          <ol className="relative mt-2 space-y-3 before:absolute before:bottom-0 before:left-[5px] before:top-0 before:w-px before:bg-zinc-200 dark:before:bg-zinc-800">
            {group.events.map((event) => (
              <AuditEventCard key={event.seq} event={event} onFilter={onFilter} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
