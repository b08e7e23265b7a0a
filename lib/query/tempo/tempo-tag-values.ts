import "server-only";
import { ATTRIBUTE_LOOKBACK_MS, MAX_ATTRIBUTE_LIMIT } from "@/lib/api/contracts/attributes";
import type { TempoTagValueList, TempoTagValuesQuery, TempoTypedValueList } from "@/lib/api/contracts/tempo";
import { TempoSearchTagValuesResponse, TempoSearchTagValuesV2Response } from "@/lib/collector/wire/tempo-proto";
import type { AttributeValue, SpanRecord } from "@/lib/domain/span-record";
import type { Field, Intrinsic } from "@/lib/query/traceql";
import { listAttributeValues } from "../attributes/list-attributes";
import { compareCodeUnits, operationsOf, serviceNames, sortedNames } from "../compat/names";
import { toTimeWindow } from "../params/time-window";
import { matchesEverything, spansMatching } from "./filtered-spans";
import { tempoAnswer } from "./tempo-answer";
import { tempoErrorResponse } from "./tempo-errors";
import { parseTagIdentifier } from "./tag-identifier";

/**
 * Tag values (`GET /api/search/tag/{tag}/values` and its v2): from the attribute index,
 * or with a `q` from the spans it matches; Tempo's virtual values for statuses and kinds
 * (pkg/search/util.go), and span and service names for the name intrinsics.
 */

type TypedValue = TempoTypedValueList["tagValues"][number];

const INDEX_TYPES: Record<string, TypedValue["type"]> = { string: "string", int: "int", double: "float", bool: "bool" };
const keyword = (values: readonly string[]): TypedValue[] => values.map((value) => ({ type: "keyword", value }));

/** Tempo's virtual values: v1 `status.code` and `error`; v2 status and kind keywords, durations none. */
const V1_VIRTUAL: Record<string, string[]> = { "status.code": ["unset", "ok", "error"], error: ["true"] };
const V2_INTRINSIC: Partial<Record<Intrinsic, TypedValue[]>> = {
  status: keyword(["ok", "error", "unset"]),
  kind: keyword(["client", "server", "producer", "consumer", "internal", "unspecified"]),
  duration: [],
  traceDuration: [],
  statusMessage: [],
};

/** A stored value as typed v2 values (an array gives its elements; bytes and maps none). */
function typedValues(value: AttributeValue): TypedValue[] {
  if (typeof value === "string") return [{ type: "string", value }];
  if (typeof value === "boolean") return [{ type: "bool", value: String(value) }];
  if (typeof value === "number") return [{ type: Number.isInteger(value) ? "int" : "float", value: String(value) }];
  if (Array.isArray(value)) return value.flatMap(typedValues);
  if ("int" in value) return [{ type: "int", value: value.int }];
  if ("double" in value) return [{ type: "float", value: String(value.double) }];
  return [];
}

function attributeOf(span: SpanRecord, scope: "span" | "resource" | "any", key: string): AttributeValue | undefined {
  const resource = key === "service.name" ? (span.resourceAttributes[key] ?? span.serviceName) : span.resourceAttributes[key];
  if (scope === "span") return span.attributes[key];
  if (scope === "resource") return resource;
  return span.attributes[key] ?? resource;
}

const distinct = (values: TypedValue[]) => [...new Map(values.map((value) => [`${value.type}:${value.value}`, value])).values()];

/** Span names, or service names, of every service: the values of the name intrinsics (not limited to the window). */
async function nameValues(intrinsic: "name" | "rootName" | "rootServiceName"): Promise<TypedValue[]> {
  const services = await serviceNames();
  if (intrinsic === "rootServiceName") return services.map((value) => ({ type: "string", value }));
  const names = (await Promise.all(services.map(async (service) => (await operationsOf(service)).map((operation) => operation.spanName)))).flat();
  return sortedNames(names).map((value) => ({ type: "string", value }));
}

async function typedValuesOf(field: Field, query: TempoTagValuesQuery): Promise<TypedValue[]> {
  const window = toTimeWindow({ start: query.start, end: query.end }, ATTRIBUTE_LOOKBACK_MS);
  if (field.kind === "intrinsic") {
    const virtual = V2_INTRINSIC[field.intrinsic];
    if (virtual) return virtual;
    if (!query.q || matchesEverything(query.q)) return nameValues(field.intrinsic as "name" | "rootName" | "rootServiceName");
  }
  if (query.q && !matchesEverything(query.q)) {
    const spans = await spansMatching(query.q, window);
    const valueOf = (span: SpanRecord): AttributeValue | undefined =>
      field.kind === "attribute" ? attributeOf(span, field.scope, field.key) : field.intrinsic === "name" ? span.name : field.intrinsic === "rootServiceName" ? span.serviceName : undefined;
    return distinct(spans.flatMap((span) => typedValues(valueOf(span) ?? []))).sort((a, b) => compareCodeUnits(a.value, b.value) || compareCodeUnits(a.type, b.type));
  }
  const scope = field.kind === "attribute" && field.scope !== "any" ? field.scope : undefined;
  const key = field.kind === "attribute" ? field.key : "";
  const { values } = await listAttributeValues(key, { start: window.startNs, end: window.endNs, scope, limit: MAX_ATTRIBUTE_LIMIT });
  return distinct(values.map((row) => ({ type: INDEX_TYPES[row.type] ?? "string", value: row.value })));
}

const limited = <T>(values: T[], limit?: number) => values.slice(0, limit || MAX_ATTRIBUTE_LIMIT);

/** v1: the values of a span or resource attribute as text, Tempo's virtual values first. */
export async function listTempoTagValues(tag: string, query: TempoTagValuesQuery): Promise<TempoTagValueList> {
  const found = await typedValuesOf({ kind: "attribute", scope: "any", key: tag }, query);
  const values = [...new Set([...(V1_VIRTUAL[tag] ?? []), ...found.map((value) => value.value)])];
  return { tagValues: limited(values, query.limit), metrics: {} };
}

/** v2: the typed values of a TraceQL identifier; 400 for a tag that is not one. */
export async function listTempoTagValuesV2(tag: string, query: TempoTagValuesQuery): Promise<TempoTypedValueList | Response> {
  const parsed = parseTagIdentifier(tag);
  if ("error" in parsed) return tempoErrorResponse(400, parsed.error);
  return { tagValues: limited(await typedValuesOf(parsed.field, query), query.limit), metrics: {} };
}

/** Tag values, v1 and v2, in the format the request's Accept asks for. */
export const tempoTagValuesAnswer = async (tag: string, query: TempoTagValuesQuery, accept: string | null) =>
  tempoAnswer(TempoSearchTagValuesResponse, await listTempoTagValues(tag, query), accept);
export const tempoTagValuesV2Answer = async (tag: string, query: TempoTagValuesQuery, accept: string | null) =>
  tempoAnswer(TempoSearchTagValuesV2Response, await listTempoTagValuesV2(tag, query), accept);
