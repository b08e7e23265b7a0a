// The TraceQL rows of bench:query and bench:scale (issue 13): a structural query, a
// regex, an OR of two rare attributes and a negation, on realistic-spans.ts's services
// and attributes. Each bench passes the two rare attribute conditions its data holds.
import type { Scenario } from "./http-scenarios";

/** Issue 13's target for every TraceQL row (p95, 24 h window). */
export const TRACEQL_TARGET_MS = 300;

/** A span attribute equal to a value that few traces hold, as TraceQL: `span.key = "value"`. */
export interface RareAttribute {
  key: string;
  value: string;
}

const condition = ({ key, value }: RareAttribute) => `span.${key} = ${JSON.stringify(value)}`;

export function traceqlScenarios(window: string, rare: [RareAttribute, RareAttribute]): Scenario[] {
  const queries: Array<[label: string, query: string]> = [
    ["structural api-gateway >> error", '{ resource.service.name = "api-gateway" } >> { status = error }'],
    ["regex url.path", '{ span.url.path =~ "/api/products/16[0-9]{2}" }'],
    [`OR of rare ${rare[0].key} and ${rare[1].key}`, `{ ${condition(rare[0])} } || { ${condition(rare[1])} }`],
    ["negation checkout != 200", '{ resource.service.name = "checkout" && span.http.response.status_code != 200 }'],
  ];
  return queries.map(([label, query]) => ({
    name: `TraceQL ${label}`,
    path: `/api/tracing/traces?${window}&q=${encodeURIComponent(query)}`,
    targetMs: TRACEQL_TARGET_MS,
  }));
}
