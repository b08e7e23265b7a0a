import type { RouteOptions } from "@/lib/api/define-route";
import type { JaegerError, JaegerErrorEnvelope, JaegerV3Error } from "@/lib/api/contracts/jaeger";

/** Jaeger's structuredResponse around `data` (total as Jaeger sets it: the list length, or 0 where it leaves it unset). */
export function jaegerData<T>(data: T, total = 0, errors: JaegerError[] | null = null) {
  return { data, total, limit: 0, offset: 0, errors };
}

/** An error in Jaeger's v1 envelope (`data` null, the error in `errors`) with its status. */
export function jaegerErrorResponse(status: number, message: string, headers: HeadersInit = {}): Response {
  const body: JaegerErrorEnvelope = jaegerData(null, 0, [{ code: status, msg: message }]);
  return Response.json(body, { status, headers });
}

/** An error as Jaeger's api_v3 gateway answers it. */
export function jaegerV3ErrorResponse(status: number, message: string, headers: HeadersInit = {}): Response {
  const body: JaegerV3Error = { error: { httpCode: status, message } };
  return Response.json(body, { status, headers });
}

type ErrorShape = (status: number, message: string, headers?: HeadersInit) => Response;

/** defineRoute options answering refusals (401 with its challenge, 403) and 400s in an API's own error shape. */
function routeOptionsOf(shape: ErrorShape): RouteOptions {
  return {
    refuse: (_request, { status, message, challenge }) => shape(status, message, challenge ? { "WWW-Authenticate": challenge } : {}),
    invalid: (message) => shape(400, message),
  };
}

export const JAEGER_ROUTE_OPTIONS = routeOptionsOf(jaegerErrorResponse);
export const JAEGER_V3_ROUTE_OPTIONS = routeOptionsOf(jaegerV3ErrorResponse);
