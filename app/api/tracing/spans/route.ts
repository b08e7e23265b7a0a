// POST /api/tracing/spans - native JSON span batch ingest
import { IngestNativeSpansEndpoint } from "@/lib/api/contracts/ingest";
import { nativeFormat } from "@/lib/collector/ingest/formats/native-format";
import { ingestRoute } from "@/lib/collector/ingest/ingest-route";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(ingestRoute(IngestNativeSpansEndpoint, nativeFormat), { record: false });
