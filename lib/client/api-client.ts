import type { z } from "zod";
import { injectSpanContext } from "@/lib/trace-context";
import { startFetchSpan } from "./browser-spans";

/** An API answer that was not 2xx, with the message of the `{error}` envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(response.status, body.error?.message ?? response.statusText, body.error?.code);
  } catch {
    return new ApiError(response.status, `HTTP ${response.status} ${response.statusText}`);
  }
}

/** Query parameters; undefined, null and empty values are left out, arrays repeat the key. */
export type QueryParams = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export function apiUrl(path: string, params: QueryParams = {}): URL {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  return url;
}

/**
 * GET a dashboard API route and parse the answer with its contract's response schema.
 * The request carries a traceparent of its own browser span (see browser-spans.ts).
 */
export async function apiGet<S extends z.ZodType>(schema: S, path: string, params?: QueryParams, signal?: AbortSignal): Promise<z.output<S>> {
  const url = apiUrl(path, params);
  const span = startFetchSpan("GET", url);
  const headers = new Headers({ accept: "application/json" });
  injectSpanContext(span.context, headers);
  let response: Response;
  try {
    response = await fetch(url, { headers, signal });
  } catch (error) {
    span.end(null, error instanceof Error ? error.message : String(error));
    throw error;
  }
  span.end(response.status);
  if (!response.ok) throw await errorOf(response);
  return schema.parse(await response.json());
}
