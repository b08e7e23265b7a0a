import type { AttributeValue } from "@/lib/domain/span-record";
import type { AttributeScope } from "./attribute-tokens";

export const HOUR_NS = 3_600_000_000_000n;
export const DAY_NS = 24n * HOUR_NS;
/** How the count tables store a scope: its position in ATTRIBUTE_SCOPES. */
export const SCOPE_NUMBER: Record<AttributeScope, number> = { span: 0, resource: 1 };

/** The start of the `unit` (an hour, a day) holding `time`, also for times before 1970. */
export const floorTo = (time: bigint, unit: bigint) => time - (((time % unit) + unit) % unit);

/** Distinct values a key keeps per scope and day; past it (ids, addresses), or for a value not listed (below), the day gets an overflow row instead. */
export const MAX_VALUES_PER_KEY_DAY = 1_000;
/** Longer values are not listed: autocomplete has no use for a stack trace or an SQL statement. */
export const MAX_LISTED_VALUE_LENGTH = 256;
export const OVERFLOW_TYPE = "overflow";

export interface AttributeKeyRow {
  hourStartNs: bigint;
  serviceName: string;
  scope: number;
  key: string;
  spanCount: number;
}

export interface AttributeValueRow {
  key: string;
  scope: number;
  dayStartNs: bigint;
  valueType: string;
  value: string;
  spanCount: number;
}

/** A scalar as Tempo types it and as a user types it; null for bytes, key-value lists and over-long text. */
export function listedValue(value: AttributeValue): { valueType: string; value: string } | null {
  if (typeof value === "string") return value.length <= MAX_LISTED_VALUE_LENGTH ? { valueType: "string", value } : null;
  if (typeof value === "boolean") return { valueType: "bool", value: String(value) };
  if (typeof value === "number") return { valueType: "int", value: String(value) };
  if (Array.isArray(value) || typeof value !== "object") return null;
  if ("int" in value) return { valueType: "int", value: value.int };
  if ("double" in value) return { valueType: "double", value: String(value.double) };
  return null;
}
