import { z } from "zod";
import { parseTraceQL, TraceQLError, type TraceQLQuery } from "@/lib/query/traceql";

/** Longer queries are refused before parsing: a hand-written query is a few hundred characters. */
export const MAX_TRACEQL_LENGTH = 10_000;

/**
 * A TraceQL query parameter, parsed to its syntax tree. A query the subset cannot answer
 * is a 400 whose message names the problem and its line and column; the issue also
 * carries the position (`{offset, line, column}`) and the kind (`syntax`, `unsupported`,
 * `type`) for an editor to mark.
 */
export const TraceQLParam = z
  .string()
  .max(MAX_TRACEQL_LENGTH)
  .meta({
    description:
      "A TraceQL query (the subset: spanset filters with intrinsics, span./resource./unscoped attributes, = != > >= < <= =~ !~, && || ! and parentheses; spanset && || and the structural operators > >> < << ~ with their !/& forms). Pipelines, aggregates and other scopes are a 400 naming them",
    examples: ['{ resource.service.name = "api-gateway" } >> { status = error }', '{ span.http.route =~ "/api/.*" && duration > 150ms }'],
  })
  .transform((text, context): TraceQLQuery => {
    if (text.trim() === "") {
      context.addIssue({ code: "custom", message: "empty query; `{ }` matches every span" });
      return z.NEVER;
    }
    try {
      return parseTraceQL(text);
    } catch (error) {
      if (!(error instanceof TraceQLError)) throw error;
      context.addIssue({ code: "custom", message: error.message, params: { kind: error.kind, position: error.position } });
      return z.NEVER;
    }
  });
