import type { AttributeValue, Attributes } from "@/lib/domain/span-record";
import type { AttributeScope } from "./attribute-tokens";
import type { IndexedSpan } from "./attribute-docs";

export const HOUR_NS = 3_600_000_000_000n;
export const DAY_NS = 24n * HOUR_NS;
export const SCOPE_NUMBER: Record<AttributeScope, number> = { span: 0, resource: 1 };

/** Distinct values a key keeps per scope and day; past it the day gets an overflow row instead (ids, addresses). */
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

const floorTo = (time: bigint, unit: bigint) => time - (((time % unit) + unit) % unit);

/** Keys of the maps below: fields joined by NUL, which no key or service name holds (storable-text refuses it). */
const join = (...parts: Array<string | number | bigint>) => parts.join("\u0000");

/** (day, scope, key) entries remembered for the value cap before the memory starts over. */
const MAX_CAPPED_KEYS = 50_000;

/**
 * Counts the keys and listed values of newly stored spans for attribute_keys and
 * attribute_values. The cap on distinct values per key and day is counted by this writer
 * in memory (not read back), so after a restart, or with several PostgreSQL writers, a
 * key may list a few times the cap: bounded, and never a row per span.
 */
export class AttributeCounts {
  private readonly valuesSeen = new Map<string, Set<string>>();

  count(spans: Iterable<IndexedSpan>): { keys: AttributeKeyRow[]; values: AttributeValueRow[] } {
    const keys = new Map<string, AttributeKeyRow>();
    const values = new Map<string, AttributeValueRow>();
    const add = (span: IndexedSpan, scope: AttributeScope, attributes: Attributes) => {
      const hourStartNs = floorTo(span.startTimeNs, HOUR_NS);
      const dayStartNs = floorTo(span.startTimeNs, DAY_NS);
      const scopeNumber = SCOPE_NUMBER[scope];
      for (const key in attributes) {
        const keyId = join(hourStartNs, span.serviceName, scopeNumber, key);
        const keyRow = keys.get(keyId);
        if (keyRow) keyRow.spanCount += 1;
        else keys.set(keyId, { hourStartNs, serviceName: span.serviceName, scope: scopeNumber, key, spanCount: 1 });
        const value = attributes[key];
        for (const element of Array.isArray(value) ? value : [value]) {
          const listed = listedValue(element);
          if (listed === null) continue;
          const listedType = this.admits(join(dayStartNs, scopeNumber, key), join(listed.valueType, listed.value)) ? listed.valueType : OVERFLOW_TYPE;
          const listedText = listedType === OVERFLOW_TYPE ? "" : listed.value;
          const valueId = join(key, scopeNumber, dayStartNs, listedType, listedText);
          const valueRow = values.get(valueId);
          if (valueRow) valueRow.spanCount += 1;
          else values.set(valueId, { key, scope: scopeNumber, dayStartNs, valueType: listedType, value: listedText, spanCount: 1 });
        }
      }
    };
    for (const span of spans) {
      add(span, "span", span.attributes);
      add(span, "resource", span.resourceAttributes);
    }
    return { keys: [...keys.values()], values: [...values.values()] };
  }

  /** Whether `value` is (or may become) one of the listed values of its key that day. */
  private admits(keyDay: string, value: string): boolean {
    let seen = this.valuesSeen.get(keyDay);
    if (seen === undefined) {
      if (this.valuesSeen.size >= MAX_CAPPED_KEYS) this.valuesSeen.clear();
      this.valuesSeen.set(keyDay, (seen = new Set()));
    }
    if (seen.has(value)) return true;
    if (seen.size >= MAX_VALUES_PER_KEY_DAY) return false;
    seen.add(value);
    return true;
  }
}
