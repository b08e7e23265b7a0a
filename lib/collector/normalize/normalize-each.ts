import type { z } from "zod";
import type { NormalizedBatch, SpanRecord } from "@/lib/domain/span-record";
import { BatchBuilder } from "./batch-builder";
import type { NormalizeLimits } from "./normalize-limits";
import { firstIssueMessage } from "./zod-issue";

/**
 * Checks each item against `schema` on its own and converts the valid ones, so a bad item
 * rejects only itself, with the path of its first issue (`spans.3.trace_id: …`).
 */
export function normalizeEach<Schema extends z.ZodType>(
  items: readonly unknown[],
  path: readonly PropertyKey[],
  schema: Schema,
  toRecord: (item: z.output<Schema>) => SpanRecord,
  limits?: NormalizeLimits,
): NormalizedBatch {
  const batch = new BatchBuilder(limits);
  items.forEach((item, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) batch.accept(toRecord(parsed.data));
    else batch.reject(firstIssueMessage(parsed.error, [...path, i]));
  });
  return batch.finish();
}
