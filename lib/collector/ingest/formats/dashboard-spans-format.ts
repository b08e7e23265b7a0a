import { SELF_SERVICE_NAME } from "@/lib/domain/self-service";
import type { NormalizedBatch } from "@/lib/domain/span-record";
import type { IngestFormat } from "../ingest-format";
import { nativeFormat } from "./native-format";

/** The dashboard buffers at most 200 spans between flushes; room for a page that flushes late. */
export const MAX_DASHBOARD_SPANS = 500;

/**
 * The dashboard's own browser spans: a native batch whose spans are all stored under
 * Traceboard's service, so read access (not the ingest token) cannot be used to write
 * spans of other services.
 */
export const dashboardSpansFormat: IngestFormat = {
  ...nativeFormat,
  async decode(body, mediaType, limits): Promise<NormalizedBatch> {
    const batch = await nativeFormat.decode(body, mediaType, { ...limits, maxSpans: Math.min(limits.maxSpans, MAX_DASHBOARD_SPANS) });
    const resourceAttributes = { "service.name": SELF_SERVICE_NAME };
    return { ...batch, spans: batch.spans.map((span) => ({ ...span, serviceName: SELF_SERVICE_NAME, resourceAttributes, scopeName: "traceboard-dashboard" })) };
  },
};
