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
