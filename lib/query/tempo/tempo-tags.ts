import "server-only";
import { ATTRIBUTE_LOOKBACK_MS, MAX_ATTRIBUTE_LIMIT } from "@/lib/api/contracts/attributes";
import type { TempoTagNames, TempoTagScope, TempoTagScopes, TempoTagsQuery, TempoTagsV2Query } from "@/lib/api/contracts/tempo";
import { TempoSearchTagsResponse, TempoSearchTagsV2Response } from "@/lib/collector/wire/tempo-proto";
import type { SpanRecord } from "@/lib/domain/span-record";
import { INTRINSICS, SCOPED_INTRINSICS } from "@/lib/query/traceql";
import { listAttributeKeys } from "../attributes/list-attributes";
import { sortedNames } from "../compat/names";
import { toTimeWindow, type TimeWindow } from "../params/time-window";
import { matchesEverything, spansMatching } from "./filtered-spans";
import { tempoAnswer } from "./tempo-answer";

/**
 * Tag names (`GET /api/search/tags` and `/api/v2/search/tags`): the span and resource
 * attribute keys of the window from the attribute index (or, with a v2 `q`, of the spans
 * it matches), and the intrinsics the project's TraceQL engine answers.
 */

/** The intrinsics a query may name, bare and scoped (`name`, `span:name` ...), sorted. */
export const INTRINSIC_TAGS = sortedNames([...INTRINSICS, ...Object.keys(SCOPED_INTRINSICS)]);

type AttributeScope = "span" | "resource";
type KeysByScope = Record<AttributeScope, string[]>;

const windowOf = (query: TempoTagsQuery) => toTimeWindow({ start: query.start, end: query.end }, ATTRIBUTE_LOOKBACK_MS);

async function indexedKeys(window: TimeWindow, limit: number): Promise<KeysByScope> {
  const { keys } = await listAttributeKeys({ start: window.startNs, end: window.endNs, limit: MAX_ATTRIBUTE_LIMIT });
  const of = (scope: AttributeScope) => sortedNames(keys.filter((key) => key.scope === scope).map((key) => key.key)).slice(0, limit);
  return { span: of("span"), resource: of("resource") };
}

function keysOfSpans(spans: readonly SpanRecord[], limit: number): KeysByScope {
  return {
    span: sortedNames(spans.flatMap((span) => Object.keys(span.attributes))).slice(0, limit),
    resource: sortedNames(spans.flatMap((span) => ["service.name", ...Object.keys(span.resourceAttributes)])).slice(0, limit),
  };
}

/** The tags of each scope the request asks for, in Tempo's scope names; scopes without indexed attributes (event, link ...) have none. */
function scopesOf(scope: TempoTagScope | undefined, keys: KeysByScope, withIntrinsics: boolean): Array<{ name: string; tags: string[] }> {
  const all = [
    { name: "resource", tags: keys.resource },
    { name: "span", tags: keys.span },
    ...(withIntrinsics ? [{ name: "intrinsic", tags: INTRINSIC_TAGS }] : []),
  ];
  if (!scope || scope === "none") return all;
  return [all.find((entry) => entry.name === scope) ?? { name: scope, tags: scope === "intrinsic" ? INTRINSIC_TAGS : [] }];
}

export async function listTempoTags(query: TempoTagsQuery): Promise<TempoTagNames> {
  const keys = await indexedKeys(windowOf(query), query.limit ?? MAX_ATTRIBUTE_LIMIT);
  return { tagNames: sortedNames(scopesOf(query.scope, keys, false).flatMap((entry) => entry.tags)), metrics: {} };
}

export async function listTempoTagsV2(query: TempoTagsV2Query): Promise<TempoTagScopes> {
  const window = windowOf(query);
  const limit = query.limit ?? MAX_ATTRIBUTE_LIMIT;
  const keys = query.q && !matchesEverything(query.q) ? keysOfSpans(await spansMatching(query.q, window), limit) : await indexedKeys(window, limit);
  return { scopes: scopesOf(query.scope, keys, true), metrics: {} };
}

/** Tag names, v1 and v2, in the format the request's Accept asks for. */
export const tempoTagsAnswer = async (query: TempoTagsQuery, accept: string | null) => tempoAnswer(TempoSearchTagsResponse, await listTempoTags(query), accept);
export const tempoTagsV2Answer = async (query: TempoTagsV2Query, accept: string | null) => tempoAnswer(TempoSearchTagsV2Response, await listTempoTagsV2(query), accept);
