import "server-only";
import { type SpanKind, SpanKind as Kind, StatusCode } from "@/lib/domain/span-record";
import { childOf } from "@/lib/trace-context";
import type { SimpleAttribute } from "./attribute-value";
import { currentTraceContext, runWithTraceContext } from "./context";
import { RecordingSpan } from "./recording-span";
import { exportSelfSpan } from "./span-exporter";

export interface ChildSpanOptions {
  kind?: SpanKind;
  attributes?: Record<string, SimpleAttribute | undefined>;
}

/**
 * Runs `fn` inside a child span of the current request's span (database work, outgoing
 * calls). Outside a traced request it just runs `fn`.
 */
export async function withChildSpan<T>(name: string, options: ChildSpanOptions, fn: () => Promise<T>): Promise<T> {
  const parent = currentTraceContext();
  if (!parent) return fn();
  const span = new RecordingSpan(childOf(parent), name, options.kind ?? Kind.INTERNAL, exportSelfSpan);
  for (const [key, value] of Object.entries(options.attributes ?? {})) span.setAttribute(key, value);
  try {
    return await runWithTraceContext(span.context, fn);
  } catch (error) {
    span.recordException(error).setStatus(StatusCode.ERROR, error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    span.end();
  }
}
