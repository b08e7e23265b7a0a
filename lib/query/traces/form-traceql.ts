import type { TraceSearchQuery } from "@/lib/api/contracts/traces";
import type { Condition, Operand, Scalar, TraceQLQuery } from "@/lib/query/traceql";
import { formatTraceQL } from "@/lib/query/traceql";
import type { TagFilter } from "../params/tags";
import { toTagMatch } from "./tag-match";

export type FormFilters = Pick<TraceSearchQuery, "service" | "operation" | "kind" | "status" | "minDuration" | "maxDuration" | "spanDuration" | "tags">;

const NO_RANGE = { start: 0, end: 0 };

const attribute = (scope: "span" | "resource", key: string): Operand => ({ kind: "field", field: { kind: "attribute", scope, key }, ...NO_RANGE });
const intrinsic = (name: "name" | "kind" | "status" | "duration" | "traceDuration"): Operand => ({ kind: "field", field: { kind: "intrinsic", intrinsic: name }, ...NO_RANGE });
const literal = (value: Scalar): Operand => ({ kind: "literal", value, ...NO_RANGE });
const compare = (left: Operand, op: "=" | ">=" | "<=", right: Operand): Condition => ({ kind: "compare", op, left, right, ...NO_RANGE });
const join = (op: "&&" | "||", conditions: Condition[]): Condition =>
  conditions.reduce((left, right) => ({ kind: "logical", op, left, right, ...NO_RANGE }));

/** The literals a tag's text stands for (string, and the int, double or boolean it spells), from its stored forms. */
function tagLiterals(tag: TagFilter): Scalar[] {
  const literals: Scalar[] = [];
  for (const form of toTagMatch(tag).storedForms) {
    const value = JSON.parse(form) as unknown;
    if (typeof value === "string") literals.push({ type: "string", value });
    else if (typeof value === "boolean") literals.push({ type: "bool", value });
    else if (typeof value === "number") literals.push({ type: "int", value: BigInt(value) });
    else if (value && typeof value === "object" && "int" in value) literals.push({ type: "int", value: BigInt(String(value.int)) });
    // A double equal to an int the list already has is matched by it (numbers compare by value); NaN cannot be written.
    else if (value && typeof value === "object" && "double" in value && typeof value.double === "number" && !literals.some((scalar) => scalar.type === "int")) {
      literals.push({ type: "float", value: value.double });
    }
  }
  return literals;
}

/**
 * The TraceQL query a form search means: the span-level filters (service, operation,
 * kind, status, tags, span durations) on one same span, a tag on the span's or its
 * resource's attributes with any value its text stands for, trace durations as
 * `traceDuration`. One difference stays: `service` is the stored service name, which is
 * `unknown_service` for a span whose resource has no `service.name`, where the query's
 * `resource.service.name` is nil.
 */
export function formToTraceQL(form: FormFilters): TraceQLQuery {
  const conditions: Condition[] = [];
  if (form.service !== undefined) conditions.push(compare(attribute("resource", "service.name"), "=", literal({ type: "string", value: form.service })));
  if (form.operation !== undefined) conditions.push(compare(intrinsic("name"), "=", literal({ type: "string", value: form.operation })));
  if (form.kind !== undefined) conditions.push(compare(intrinsic("kind"), "=", literal({ type: "kind", value: form.kind })));
  if (form.status !== undefined) conditions.push(compare(intrinsic("status"), "=", literal({ type: "status", value: form.status })));
  for (const tag of form.tags ?? []) {
    const values = tagLiterals(tag).map((value) => literal(value));
    conditions.push(join("||", (["span", "resource"] as const).flatMap((scope) => values.map((value) => compare(attribute(scope, tag.key), "=", value)))));
  }
  const duration = intrinsic(form.spanDuration ? "duration" : "traceDuration");
  if (form.minDuration !== undefined) conditions.push(compare(duration, ">=", literal({ type: "duration", value: form.minDuration })));
  if (form.maxDuration !== undefined) conditions.push(compare(duration, "<=", literal({ type: "duration", value: form.maxDuration })));
  const root = { kind: "filter" as const, condition: conditions.length > 0 ? join("&&", conditions) : null, ...NO_RANGE };
  return { text: formatTraceQL(root), root };
}
