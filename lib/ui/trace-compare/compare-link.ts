/** The comparison page of trace `a` against trace `b`; either may be left out (the page then asks for it). */
export function comparePath(a: string, b?: string): string {
  const query = new URLSearchParams({ a });
  if (b) query.set("b", b);
  return `/compare?${query.toString()}`;
}

/** A trace's page opened at one of its spans. */
export function spanPath(traceId: string, spanId: string): string {
  return `/traces/${traceId}?span=${spanId}`;
}
