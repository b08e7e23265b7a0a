import type { NormalizedBatch, SpanRecord } from "@/lib/domain/span-record";
import { IngestFormatError } from "./ingest-format-error";
import type { NormalizeLimits } from "./normalize-limits";

/** Distinct rejection reasons kept for the partial-success message; the count covers the rest. */
export const MAX_REJECTION_REASONS = 5;

/** Accumulates the spans a normalizer accepts and the reasons it rejects others, within `limits` when given. */
export class BatchBuilder {
  private readonly spans: SpanRecord[] = [];
  private readonly errors: string[] = [];
  private rejected = 0;

  constructor(private readonly limits?: NormalizeLimits) {}


  accept(span: SpanRecord): void {
    this.spans.push(span);
  }

  reject(reason: string): void {
    this.rejected += 1;
    if (this.errors.length < MAX_REJECTION_REASONS && !this.errors.includes(reason)) this.errors.push(reason);
    if (this.limits && this.rejected >= this.limits.maxRejected) {
      throw new IngestFormatError(`${this.rejected} spans rejected, so the request was not read further; the first reasons: ${this.errors.join("; ")}`);
    }
  }

  finish(): NormalizedBatch {
    return { spans: this.spans, rejected: this.rejected, errors: this.errors };
  }
}
