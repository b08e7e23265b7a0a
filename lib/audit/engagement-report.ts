import "server-only";
import type { z } from "zod";
import type { GetEngagementReportEndpoint } from "@/lib/api/contracts/audit";
import { readActors, readAuditEvents, readFirstAuditEvents, readResourceActions, type ResourceActionRow } from "@/lib/store/audit/audit-reads";
import type { AuditAction } from "./audit-enums";
import { auditCounts } from "./audit-counts";
import { toAuditEvent } from "./audit-row";

export type EngagementReport = z.infer<typeof GetEngagementReportEndpoint.response>;
type ResourceTouched = EngagementReport["resources"][number];

/** Resources with their event count and the actions done to them, most events first. */
function resourcesTouched(rows: ResourceActionRow[]): ResourceTouched[] {
  const resources = new Map<string, ResourceTouched>();
  for (const { resourceType, resourceId, action, count } of rows) {
    const key = JSON.stringify([resourceType, resourceId]);
    const resource = resources.get(key) ?? { resourceType, resourceId, count: 0, actions: [] };
    resource.count += count;
    resource.actions.push(action as AuditAction);
    resources.set(key, resource);
  }
  for (const resource of resources.values()) resource.actions.sort();
  return [...resources.values()].sort((a, b) => b.count - a.count || (a.resourceId ?? "").localeCompare(b.resourceId ?? ""));
}

/** What happened in one engagement, or null when it has no event. The timeline holds its first `limit` events, oldest first. */
export async function engagementReport(engagementId: string, limit: number): Promise<EngagementReport | null> {
  const filter = { engagementId };
  const [counts, actors, resources, timeline, [last]] = await Promise.all([
    auditCounts(filter),
    readActors(filter),
    readResourceActions(filter),
    readFirstAuditEvents(filter, limit + 1),
    readAuditEvents(filter, 1),
  ]);
  if (!last) return null;
  const events = timeline.slice(0, limit).map(toAuditEvent);
  return {
    engagementId,
    ...counts,
    actors: actors
      .sort((a, b) => b.count - a.count || (a.userId ?? "").localeCompare(b.userId ?? ""))
      .map(({ userId, count, firstNs, lastNs }) => ({ userId, count, firstTimestampUnixNano: firstNs.toString(), lastTimestampUnixNano: lastNs.toString() })),
    resources: resourcesTouched(resources),
    timeline: events,
    timelineTruncated: timeline.length > limit,
    firstEvent: events[0],
    lastEvent: toAuditEvent(last),
  };
}
