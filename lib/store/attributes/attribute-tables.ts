import type { TableWrite } from "../table-writes";
import type { AttributeKeyRow, AttributeValueRow } from "./attribute-counts";

export const ATTRIBUTE_KEYS: TableWrite<AttributeKeyRow> = {
  table: "attribute_keys",
  columns: { hour_start_ns: "bigint", service_name: "text", scope: "int", key: "text", span_count: "int" },
  values: (row) => [row.hourStartNs, row.serviceName, row.scope, row.key, row.spanCount],
  onConflict: () => `ON CONFLICT (hour_start_ns, service_name, scope, key) DO UPDATE SET span_count = attribute_keys.span_count + excluded.span_count`,
};

export const ATTRIBUTE_VALUES: TableWrite<AttributeValueRow> = {
  table: "attribute_values",
  columns: { key: "text", scope: "int", day_start_ns: "bigint", value_type: "text", value: "text", span_count: "int" },
  values: (row) => [row.key, row.scope, row.dayStartNs, row.valueType, row.value, row.spanCount],
  onConflict: () =>
    `ON CONFLICT (key, scope, day_start_ns, value_type, value) DO UPDATE SET span_count = attribute_values.span_count + excluded.span_count`,
};

/** Primary-key order, so concurrent PostgreSQL writers lock count rows in one order and cannot deadlock. */
export function byPrimaryKey<Row>(write: TableWrite<Row>, keyColumns: number) {
  return (a: Row, b: Row): number => {
    const left = write.values(a);
    const right = write.values(b);
    for (let i = 0; i < keyColumns; i++) if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
    return 0;
  };
}
