import type { InputIssue, RouteOptions } from "@/lib/api/define-route";

/** An error answer in one API's own shape: its status, message and extra headers. */
export type ErrorShape = (status: number, message: string, headers?: HeadersInit) => Response;

/**
 * defineRoute options answering refusals (401 with its Basic challenge, 403) and 400s in
 * an API's own error shape (Jaeger's envelope, Tempo's text); `describe` words a 400 from
 * its issues (default defineRoute's summary).
 */
export function routeOptionsOf(shape: ErrorShape, describe?: (message: string, details: InputIssue[]) => string): RouteOptions {
  return {
    refuse: (_request, { status, message, challenge }) => shape(status, message, challenge ? { "WWW-Authenticate": challenge } : {}),
    invalid: (message, details) => shape(400, describe ? describe(message, details) : message),
  };
}
