/** Why an ingest request was refused; the route maps each to its HTTP status. */
export class IngestError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 429 | 503,
    message: string,
    /** Seconds a client should wait before retrying (503, 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "IngestError";
  }
}

/** Malformed documents from a decoder carry this name; they become 400s. */
const FORMAT_ERROR_NAMES = new Set(["IngestFormatError", "SyntaxError"]);

/**
 * Whether `error` is an IngestError, by name: the Next.js server bundles the route
 * handlers and the instrumentation hook (where OTLP/gRPC is served) apart, each with its
 * own copy of this class, and whichever first made the shared ingest queue throws its
 * copy's errors, so `instanceof` fails across them.
 */
function isIngestError(error: unknown): error is IngestError {
  return error instanceof Error && error.name === "IngestError" && typeof (error as Partial<IngestError>).status === "number";
}

/** The refusal an error stands for, or null for an error that is not the client's (a 500). */
export function asIngestError(error: unknown): IngestError | null {
  if (isIngestError(error)) return error;
  if (error instanceof Error && error.name === "TooManySpansError") return new IngestError(413, error.message);
  if (error instanceof Error && FORMAT_ERROR_NAMES.has(error.name)) return new IngestError(400, error.message);
  return null;
}
