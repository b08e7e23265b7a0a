/**
 * What one ingest request may cost to normalize. A small body can hold millions of
 * items (a 4 MB array of two million numbers kept the server busy for 15 s), so ingest
 * counts the items before reading any, and stops at the first `maxRejected` bad ones:
 * the work to refuse input stays a small constant per byte. Trace files opened in the
 * browser are normalized without limits.
 */
export interface NormalizeLimits {
  /** Spans (valid or not) one request may carry; more is refused before any is read. */
  maxSpans: number;
  /** Rejected spans after which the whole request is refused. */
  maxRejected: number;
}

/** More spans in one request than `maxSpans`: the request is refused whole (413). */
export class TooManySpansError extends Error {
  constructor(count: number, max: number) {
    super(`The request holds ${count} spans; at most ${max} per request: split it`);
    this.name = "TooManySpansError";
  }
}

/** Throws TooManySpansError when `items` is over the limit; call before any schema reads the items (zod copies arrays). */
export function checkItemCount(items: number, limits: NormalizeLimits | undefined): void {
  if (limits && items > limits.maxSpans) throw new TooManySpansError(items, limits.maxSpans);
}
