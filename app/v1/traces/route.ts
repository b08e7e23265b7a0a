// POST /v1/traces - OTLP/HTTP trace ingest (JSON or protobuf, optionally gzip)
import { IngestOtlpTracesEndpoint } from "@/lib/api/contracts/ingest";
import { otlpFormat } from "@/lib/collector/ingest/formats/otlp-format";
import { ingestRoute } from "@/lib/collector/ingest/ingest-route";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(ingestRoute(IngestOtlpTracesEndpoint, otlpFormat), { record: false });
