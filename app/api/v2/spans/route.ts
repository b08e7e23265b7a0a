// POST /api/v2/spans - Zipkin v2 JSON ingest
import { IngestZipkinSpansEndpoint } from "@/lib/api/contracts/ingest";
import { zipkinFormat } from "@/lib/collector/ingest/formats/zipkin-format";
import { ingestRoute } from "@/lib/collector/ingest/ingest-route";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(ingestRoute(IngestZipkinSpansEndpoint, zipkinFormat), { record: false });
