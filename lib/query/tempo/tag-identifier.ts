import { parseTraceQL, TraceQLError, type Field } from "@/lib/query/traceql";

/**
 * A v2 tag name as the TraceQL identifier Tempo takes it for (`span.http.method`,
 * `resource.service.name`, `.key`, `name`, `span:status` ...), read by the project's
 * parser as the field of `{ <tag> != nil }`: anything that is not one field alone (a
 * brace, an operator) is refused, so the tag cannot smuggle in a query.
 */
export function parseTagIdentifier(tag: string): { field: Field } | { error: string } {
  const refused = { error: `please provide a valid tagName: "${tag}" is not a TraceQL attribute or intrinsic` };
  if (/[{}]/.test(tag)) return refused;
  try {
    const { root } = parseTraceQL(`{ ${tag} != nil }`);
    return root.kind === "filter" && root.condition?.kind === "exists" ? { field: root.condition.field } : refused;
  } catch (error) {
    if (error instanceof TraceQLError) return refused;
    throw error;
  }
}
