/** A trace's page; with the TraceQL query that found it, which the page finds again to mark the matched spans. */
export function tracePath(traceId: string, query = ""): string {
  return query ? `/traces/${traceId}?find=${encodeURIComponent(query)}` : `/traces/${traceId}`;
}
