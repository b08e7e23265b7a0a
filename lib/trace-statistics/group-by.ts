/** How the statistics table groups a trace's spans, and its text in the URL (`by=`). */

export type AttributeScope = "span" | "resource";

export type GroupBy =
  | { kind: "service" }
  /** An operation is a service's span name, as in Jaeger: the same name in two services is two operations. */
  | { kind: "operation" }
  /** Services, each with its operations beneath it. */
  | { kind: "service-operation" }
  /** The values of one attribute key, of the span itself or of its resource. */
  | { kind: "attribute"; scope: AttributeScope; key: string };

export type FixedGroupBy = Exclude<GroupBy, { kind: "attribute" }>["kind"];

export const FIXED_GROUP_BYS: ReadonlyArray<{ kind: FixedGroupBy; label: string }> = [
  { kind: "service-operation", label: "Service and operation" },
  { kind: "service", label: "Service" },
  { kind: "operation", label: "Operation" },
];

export const DEFAULT_GROUP_BY: GroupBy = { kind: "service-operation" };

const SCOPED_KEY = /^(span|resource)\.(.+)$/s;

/** An attribute key with its scope, as TraceQL writes it: `span.http.route`, `resource.host.name`. */
export const scopedKey = (scope: AttributeScope, key: string) => `${scope}.${key}`;

/** `service`, `operation`, `service-operation`, or a scoped attribute key. */
export function formatGroupBy(groupBy: GroupBy): string {
  return groupBy.kind === "attribute" ? scopedKey(groupBy.scope, groupBy.key) : groupBy.kind;
}

/** The grouping a URL names; anything unreadable is the default. */
export function parseGroupBy(text: string | null): GroupBy {
  const fixed = FIXED_GROUP_BYS.find((option) => option.kind === text);
  if (fixed) return { kind: fixed.kind };
  const scoped = text?.match(SCOPED_KEY);
  return scoped ? { kind: "attribute", scope: scoped[1] as AttributeScope, key: scoped[2] } : DEFAULT_GROUP_BY;
}

/** The heading of the table's first column under a grouping. */
export function groupColumnLabel(groupBy: GroupBy): string {
  if (groupBy.kind === "attribute") return scopedKey(groupBy.scope, groupBy.key);
  return groupBy.kind === "service-operation" ? "Service / operation" : FIXED_GROUP_BYS.find((option) => option.kind === groupBy.kind)!.label;
}
