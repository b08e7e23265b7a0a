// POST /api/v2/spans - Zipkin v2 JSON ingest
import { zipkinFormat } from "@/lib/collector/ingest/formats/zipkin-format";
import { handleIngest } from "@/lib/collector/ingest/handle-ingest";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing((request) => handleIngest(request, zipkinFormat), { record: false });
