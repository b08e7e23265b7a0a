import type { NextRequest } from "next/server";
import type { z } from "zod";
import { unstorableText } from "@/lib/domain/storable-text";
import { tracingConfig } from "@/lib/config/tracing-config";
import { accessDenial, crossSiteDenial, type AccessDenial } from "@/lib/security/route-access";
import { type Endpoint, queryObject } from "./endpoint";
import { describeIssues, errorResponse } from "./errors";
import { readJsonBody } from "./read-json-body";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler gets: its contract's params, query and JSON body, parsed, and the request. */
export interface RouteInput<E extends Endpoint> {
  params: E extends { params: infer S } ? Parsed<S> : undefined;
  query: E extends { query: infer S } ? Parsed<S> : undefined;
  body: E extends { bodyReadByHandler: true } ? undefined : E extends { body: infer S } ? Parsed<S> : undefined;
  request: NextRequest;
}

/**
 * What a handler answers: the contract's success body, sent as JSON with its success
 * status, or a Response it built itself (an error, another media type or status, a
 * body already rendered). A contract without a JSON answer (`response: null`) leaves
 * only the Response.
 */
export type RouteAnswer<E extends Endpoint> = (E extends { response: infer S } ? (S extends z.ZodType ? z.output<S> : never) : never) | Response;

/** The second argument of an App Router handler: only a route with `[segments]` gets params. */
export type RouteContext = { params?: Promise<Record<string, string>> } | undefined;

export type RouteHandler = (request: NextRequest, context: RouteContext) => Promise<Response>;

export interface RouteOptions {
  /** Answers a request without access in the route's own error shape (OTLP's google.rpc.Status); default the `{error}` envelope. */
  refuse?: (request: NextRequest, denial: AccessDenial) => Response;
  /** Answers a 400 (bad path, query or body) in the route's own error shape (Jaeger's, Zipkin's); default the `{error}` envelope. */
  invalid?: (message: string, details: InputIssue[]) => Response;
}

/** One bad input field of a 400. */
export interface InputIssue {
  path: string;
  message: string;
}

const refused = (_request: NextRequest, { status, message, challenge }: AccessDenial) =>
  errorResponse(status === 403 ? "forbidden" : "unauthorized", message, undefined, { headers: challenge ? { "WWW-Authenticate": challenge } : {} });

type Check<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Path, query and JSON body values are text the store keeps or compares: one it cannot
 * keep exactly (NUL, a lone UTF-16 surrogate) is a 400 naming where it is, for every
 * route, before any schema or query sees it (PostgreSQL fails on NUL; the audit chain
 * would hash text that reads back otherwise).
 */
function storableInput(input: unknown, invalid: Invalid): Check<unknown> {
  const problem = unstorableText(input);
  if (!problem) return { ok: true, value: input };
  const where = problem.path.join(".");
  return { ok: false, response: invalid(`${where}: ${problem.message}`, [{ path: where, message: problem.message }]) };
}

type Invalid = NonNullable<RouteOptions["invalid"]>;

const envelopeInvalid: Invalid = (message, details) => errorResponse("bad_request", message, details);

function check(schema: z.ZodType | undefined, input: unknown, invalid: Invalid): Check<unknown> {
  if (!schema) return { ok: true, value: undefined };
  const storable = storableInput(input, invalid);
  if (!storable.ok) return storable;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const { summary, details } = describeIssues(result.error);
  return { ok: false, response: invalid(summary, details) };
}

/** `application/json` or a `+json` type, parameters aside. */
function isJsonMediaType(contentType: string | null): boolean {
  const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/**
 * An empty body reads as null (the OpenAPI document says so of a body that may be
 * null). A body in any other media type than JSON is a 415: a cross-site form or
 * `text/plain` POST, which a browser sends without asking, never reaches the handler.
 */
async function checkBody(endpoint: Endpoint, request: NextRequest): Promise<Check<unknown>> {
  if (!endpoint.body || endpoint.bodyReadByHandler) return { ok: true, value: undefined };
  const contentType = request.headers.get("content-type");
  if (contentType !== null && !isJsonMediaType(contentType)) {
    return { ok: false, response: errorResponse("unsupported_media_type", `Unsupported Content-Type "${contentType}"; send application/json`) };
  }
  const json = await readJsonBody(request, null);
  return json.ok ? check(endpoint.body, json.value, envelopeInvalid) : json;
}

/**
 * An App Router handler from a contract: refuses a caller without the contract's
 * access (401), parses path params, query and JSON body with its schemas (a 400 naming
 * every bad field), then calls `handler` with them and answers what it returns.
 * Compose with `withTracing` for trace propagation.
 */
export function defineRoute<E extends Endpoint>(
  endpoint: E,
  handler: (input: RouteInput<E>) => RouteAnswer<E> | Promise<RouteAnswer<E>>,
  { refuse = refused, invalid = envelopeInvalid }: RouteOptions = {},
): RouteHandler {
  return async (request, context) => {
    const denial =
      crossSiteDenial(endpoint.method, request.headers, request.nextUrl, tracingConfig().corsOrigins) ?? accessDenial(endpoint.access, request.headers);
    if (denial) return refuse(request, denial);
    const params = check(endpoint.params, (await context?.params) ?? {}, invalid);
    if (!params.ok) return params.response;
    const query = check(endpoint.query, queryObject(request.nextUrl.searchParams), invalid);
    if (!query.ok) return query.response;
    const body = await checkBody(endpoint, request);
    if (!body.ok) return body.response;
    const input = { params: params.value, query: query.value, body: body.value, request } as RouteInput<E>;
    const answer = await handler(input);
    return answer instanceof Response ? answer : Response.json(answer, { status: endpoint.successStatus ?? 200 });
  };
}
