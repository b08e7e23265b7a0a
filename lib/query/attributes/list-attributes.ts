import "server-only";
import {
  ATTRIBUTE_LOOKBACK_MS,
  type AttributeKeyList,
  type AttributeKeysQuery,
  type AttributeValueList,
  type AttributeValuesQuery,
} from "@/lib/api/contracts/attributes";
import { readAttributeKeys, readAttributeValues } from "@/lib/store/read/attribute-listing";
import { toTimeWindow } from "../params/time-window";

type ValueType = AttributeValueList["values"][number]["type"];

function listing(query: AttributeKeysQuery | AttributeValuesQuery) {
  const window = toTimeWindow(query, ATTRIBUTE_LOOKBACK_MS);
  return {
    window: { startTimeUnixNano: window.startNs.toString(), endTimeUnixNano: window.endNs.toString() },
    read: { ...window, scope: query.scope, limit: query.limit },
  };
}

/** Attribute keys of spans in the window, most used first. */
export async function listAttributeKeys(query: AttributeKeysQuery): Promise<AttributeKeyList> {
  const { window, read } = listing(query);
  const keys = await readAttributeKeys({ ...read, serviceName: query.service });
  return { ...window, keys };
}

/** Values of one attribute key in the window, most used first. */
export async function listAttributeValues(key: string, query: AttributeValuesQuery): Promise<AttributeValueList> {
  const { window, read } = listing(query);
  const { values, complete } = await readAttributeValues(key, { ...read, prefix: query.prefix });
  return { key, ...window, values: values.map((row) => ({ value: row.value, type: row.valueType as ValueType, spanCount: row.spanCount })), complete };
}
