import "server-only";
import { SpanKind } from "@/lib/domain/span-record";
import { ingestQueue } from "@/lib/collector/ingest/ingest-service";
import { observeStoreQueries } from "@/lib/store/query-observer";
import { withChildSpan } from "@/lib/tracing/child-span";
import { connectSpanSink } from "@/lib/tracing/span-exporter";

/**
 * Wires self-tracing across the layers, which do not know each other: every store
 * query becomes a CLIENT child span of the request being served, and the app's own
 * spans go to the ingest queue like any other spans.
 */
export function connectSelfTracing(): void {
  observeStoreQueries((query, run) => withChildSpan(query.name, { kind: SpanKind.CLIENT, attributes: query.attributes }, run));
  connectSpanSink(async (spans) => void (await ingestQueue().submit(spans)));
}
