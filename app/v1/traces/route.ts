// POST /v1/traces - OTLP/HTTP trace ingest (JSON or protobuf, optionally gzip)
import { otlpFormat } from "@/lib/collector/ingest/formats/otlp-format";
import { handleIngest } from "@/lib/collector/ingest/handle-ingest";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing((request) => handleIngest(request, otlpFormat), { record: false });
