import { z } from "zod";
import { NS_PER_S } from "@/lib/domain/time-units";
import { parseTraceQL, TraceQLError, type TraceQLQuery } from "@/lib/query/traceql";
import { parseGoDurationNs } from "./go-duration";
import { parseLogfmt } from "./logfmt";
import { MAX_TRACEQL_LENGTH } from "./traceql";

/**
 * Query parameters of Tempo's HTTP API as its pkg/api parses them (http.go,
 * search_tags.go), a bad one a 400 whose message is Tempo's (`invalid start: ...`). Wrap
 * them in `orBlank`: an empty parameter reads as absent, as Tempo's extractQueryParam.
 */

/** Unix seconds that fit Tempo's uint32 `start`/`end`, as unix nanoseconds. */
export function unixSecondsParam(name: string) {
  return z
    .string()
    .meta({ description: "Unix epoch seconds" })
    .transform((text, context) => {
      if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) {
        context.addIssue({ code: "custom", message: `invalid ${name}: "${text}" is not unix epoch seconds` });
        return z.NEVER;
      }
      return BigInt(text) * NS_PER_S;
    });
}

/** A Go duration (`100ms`, `1.5s`) as nanoseconds, named in its 400 as Tempo names it. */
export function goDurationParam(name: string) {
  return z
    .string()
    .meta({ description: "A Go duration (`100ms`, `1.5s`, `1m`)", examples: ["100ms", "1.5s"] })
    .transform((text, context) => {
      const nanos = parseGoDurationNs(text);
      if (nanos === null) {
        context.addIssue({ code: "custom", message: `invalid ${name}: time: invalid duration "${text}"` });
        return z.NEVER;
      }
      return nanos;
    });
}

/** A positive count (Tempo's uint32 `limit`, `spss`), with its 400 in Tempo's words. */
export function countParam(name: string, { positive = false } = {}) {
  return z.string().transform((text, context) => {
    if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) {
      context.addIssue({ code: "custom", message: `invalid ${name}: "${text}" is not a whole number` });
      return z.NEVER;
    }
    if (positive && Number(text) === 0) {
      context.addIssue({ code: "custom", message: `invalid ${name}: must be a positive number` });
      return z.NEVER;
    }
    return Number(text);
  });
}

/** The `tags` search parameter: logfmt pairs, each key once. */
export const LogfmtTagsParam = z
  .string()
  .meta({ description: 'logfmt: `service.name=checkout http.status_code=500 name="GET /cart"`', examples: ['service.name=frontend http.method=GET'] })
  .transform((text, context): Array<[string, string]> => {
    const parsed = parseLogfmt(text);
    if ("error" in parsed) {
      context.addIssue({ code: "custom", message: `invalid tags: ${parsed.error} at pos ${parsed.position}` });
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const [key] of parsed.pairs) {
      if (seen.has(key)) {
        context.addIssue({ code: "custom", message: `invalid tags: tag ${key} has been set twice` });
        return z.NEVER;
      }
      seen.add(key);
    }
    return parsed.pairs;
  });

/** A tolerant `q` (tag names and values): a query that does not parse is ignored, as Tempo lists everything then. */
export const LenientTraceQLParam = z
  .string()
  .max(MAX_TRACEQL_LENGTH)
  .transform((text): TraceQLQuery | undefined => {
    try {
      return parseTraceQL(text);
    } catch (error) {
      if (error instanceof TraceQLError) return undefined;
      throw error;
    }
  });

/** `start` and `end` in order when given, as Tempo checks them. */
export function startBeforeEnd(query: { start?: bigint; end?: bigint }, context: z.RefinementCtx, { bothRequired = false } = {}) {
  const start = query.start ?? 0n;
  const end = query.end ?? 0n;
  if (start === 0n && end === 0n) return;
  if ((bothRequired || (query.start !== undefined && query.end !== undefined)) && end <= start) {
    context.addIssue({ code: "custom", message: `http parameter start must be before end. received start=${start / NS_PER_S} end=${end / NS_PER_S}` });
  }
}
