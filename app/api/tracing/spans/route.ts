// POST /api/tracing/spans - native JSON span batch ingest
import { nativeFormat } from "@/lib/collector/ingest/formats/native-format";
import { handleIngest } from "@/lib/collector/ingest/handle-ingest";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing((request) => handleIngest(request, nativeFormat), { record: false });
