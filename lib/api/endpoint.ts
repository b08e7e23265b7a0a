import { z } from "zod";
import { validationErrorResponse } from "./errors";

export type HttpMethod = "GET" | "POST";

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
  /** Where the wire format is specified. */
  externalDocs?: { url: string; description?: string };
  /** Needs the admin bearer token when TRACEBOARD_ADMIN_TOKEN is set. */
  admin?: boolean;
  /** Needs the ingest bearer token when TRACEBOARD_INGEST_TOKEN is set. */
  ingestToken?: boolean;
}

export function defineEndpoint<E extends Endpoint>(endpoint: E): E {
  return endpoint;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

function parsed<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, response: validationErrorResponse(result.error) };
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

export function parseQuery<S extends z.ZodType>(schema: S, request: Request): Parsed<z.output<S>> {
  return parsed(schema, queryObject(new URL(request.url).searchParams));
}

/** Path parameters; a route without `[segments]` gets none from Next.js, which reads as `{}`. */
export async function parseParams<S extends z.ZodType>(
  schema: S,
  params: Promise<Record<string, string>> | undefined,
): Promise<Parsed<z.output<S>>> {
  return parsed(schema, (await params) ?? {});
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.output<S>> {
  return parsed(schema, body);
}
