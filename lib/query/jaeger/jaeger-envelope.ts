import type { JaegerError, JaegerErrorEnvelope, JaegerV3Error } from "@/lib/api/contracts/jaeger";
import { routeOptionsOf } from "../compat/route-options";

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

export const JAEGER_ROUTE_OPTIONS = routeOptionsOf(jaegerErrorResponse);
export const JAEGER_V3_ROUTE_OPTIONS = routeOptionsOf(jaegerV3ErrorResponse);
