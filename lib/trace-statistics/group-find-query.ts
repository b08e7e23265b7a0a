import type { Condition, Field, Scalar } from "@/lib/query/traceql/ast";
import { formatTraceQL } from "@/lib/query/traceql/format";
import { attributeValue } from "@/lib/query/traceql/values";
import type { GroupBy } from "./group-by";
import type { StatisticsGroup } from "./group-statistics";

/** Built conditions have no source text. */
const NO_TEXT = { start: 0, end: 0 };

const SERVICE: Field = { kind: "attribute", scope: "resource", key: "service.name" };
const NAME: Field = { kind: "intrinsic", intrinsic: "name" };

function equals(field: Field, value: Scalar): Condition {
  return { ...NO_TEXT, kind: "compare", op: "=", left: { ...NO_TEXT, kind: "field", field }, right: { ...NO_TEXT, kind: "literal", value } };
}

const text = (value: string): Scalar => ({ type: "string", value });

/** The condition an attribute group's spans and no others meet; null for a value `=` cannot pin down (arrays, bytes, maps, NaN). */
function attributeCondition(field: Field, group: StatisticsGroup): Condition | null {
  if (group.value === undefined) return { ...NO_TEXT, kind: "exists", field, present: false };
  const value = attributeValue(group.value);
  if (value.type === "array" || value.type === "opaque" || value.type === "nil") return null;
  if (value.type === "float" && !Number.isFinite(value.value)) return null;
  return equals(field, value);
}

/**
 * A TraceQL find (`{ resource.service.name = "cart" && name = "load cart" }`) that selects
 * exactly the spans of a statistics group in the waterfall, or null when TraceQL cannot
 * say it.
 */
export function groupFindQuery(groupBy: GroupBy, group: StatisticsGroup): string | null {
  let condition: Condition | null;
  if (groupBy.kind === "attribute") {
    condition = attributeCondition({ kind: "attribute", scope: groupBy.scope, key: groupBy.key }, group);
  } else {
    if (group.service === null) return null;
    condition = equals(SERVICE, text(group.service));
    if (group.operation !== null) condition = { ...NO_TEXT, kind: "logical", op: "&&", left: condition, right: equals(NAME, text(group.operation)) };
  }
  return condition && formatTraceQL({ ...NO_TEXT, kind: "filter", condition });
}
