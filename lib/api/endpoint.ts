import type { z } from "zod";

export type HttpMethod = "GET" | "POST";

/**
 * Who may call a route. `read`, `ingest` and `admin` need the bearer token of
 * TRACEBOARD_READ_TOKEN (or it as an HTTP Basic password), TRACEBOARD_INGEST_TOKEN or
 * TRACEBOARD_ADMIN_TOKEN when the server sets it; `public` never does. `defineRoute`
 * enforces it and the OpenAPI document states it, both from this one field.
 */
export type Access = "public" | "read" | "ingest" | "admin";

/**
 * One API route's contract: the zod schemas its handler parses with and its answer
 * satisfies. The OpenAPI document (lib/api/openapi) is generated from these same
 * objects, so the description cannot drift from the code.
 */
export interface Endpoint {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/tracing/traces/{traceId}`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Query string parameters (an object of string fields; transforms allowed). */
  query?: z.ZodType;
  /** Path parameters, named as in `path`. */
  params?: z.ZodType;
  /** JSON request body. */
  body?: z.ZodType;
  /**
   * The handler reads the body itself (the ingest routes: protobuf, gzip, their own size
   * limit); `body` then only describes it, and `defineRoute` leaves the request unread.
   */
  bodyReadByHandler?: true;
  /** The 2xx JSON answer; null when the success answer has no body (Zipkin's 202). */
  response: z.ZodType | null;
  /** Status of the success answer (default 200). */
  successStatus?: number;
  /** Error statuses the route can answer with, in the `{error}` envelope unless `errorBody` says otherwise. */
  errors?: number[];
  /** The body of the error answers when it is not the `{error}` envelope (OTLP's google.rpc.Status). */
  errorBody?: z.ZodType;
  /** Media types the body and the answer may also come in besides JSON (OTLP's protobuf). */
  extraMediaTypes?: string[];
  /** The media type of the success answer (Tempo's `echo` text) or of the error answers (Tempo's plain-text errors) when it is not JSON. */
  mediaTypes?: { response?: string; error?: string };
  /** Where the wire format is specified. */
  externalDocs?: { url: string; description?: string };
  access: Access;
}

export function defineEndpoint<E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

/**
 * The query string as an object for `schema`: a parameter given once is a string, one
 * given several times (`tags=a=1&tags=b=2`) an array of strings.
 */
export function queryObject(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0] : values;
  }
  return query;
}
