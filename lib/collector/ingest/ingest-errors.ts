import { TooManySpansError } from "../normalize";

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

/** The refusal an error stands for, or null for an error that is not the client's (a 500). */
export function asIngestError(error: unknown): IngestError | null {
  if (error instanceof IngestError) return error;
  if (error instanceof TooManySpansError) return new IngestError(413, error.message);
  if (error instanceof Error && FORMAT_ERROR_NAMES.has(error.name)) return new IngestError(400, error.message);
  return null;
}
