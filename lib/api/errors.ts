import { z } from "zod";

/** The one error envelope of every API route: `{ error: { code, message, details } }`. */
export const ErrorCode = z.enum([
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "unavailable",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().meta({ description: "What went wrong, for a person to read" }),
      details: z
        .unknown()
        .optional()
        .meta({
          description:
            "For a 400: the list of `{path, message}` issues, one per bad field; a query the TraceQL parser refused (`q`) adds `kind` (syntax, unsupported, type) and `position` ({offset, line, column})",
        }),
    }),
  })
  .meta({ description: "The error envelope every API route answers with on failure" });
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const CODE_FOR_STATUS = new Map(Object.entries(STATUS).map(([code, status]) => [status, code as ErrorCode]));

/** The error code of an HTTP status (unknown 4xx become bad_request, 5xx internal). */
export function errorCodeForStatus(status: number): ErrorCode {
  return CODE_FOR_STATUS.get(status) ?? (status >= 500 ? "internal" : "bad_request");
}

export function errorResponse(code: ErrorCode, message: string, details?: unknown, init?: ResponseInit): Response {
  const envelope: ErrorEnvelope = { error: { code, message, details } };
  return Response.json(envelope, { ...init, status: STATUS[code] });
}

/** A 400 listing every zod issue, with the path it concerns (and what a custom issue adds: a parser's position). */
export function validationErrorResponse(error: z.ZodError): Response {
  const { summary, details } = describeIssues(error);
  return errorResponse("bad_request", summary, details);
}

/** The zod issues as `{path, message}` details (with what a custom issue adds) and a one-line summary naming each. */
export function describeIssues(error: z.ZodError): { summary: string; details: Array<{ path: string; message: string }> } {
  const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message, ...(issue.code === "custom" ? issue.params : undefined) }));
  return { summary: details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; "), details };
}

/** A 500 whose message never leaks internals; the trace headers say where to look. */
export function internalErrorResponse(): Response {
  return errorResponse("internal", "Internal server error");
}
