// GET /zipkin/api/v2/spans - Zipkin: span names of a service
// POST /zipkin/api/v2/spans - Zipkin v2 JSON ingest (the root /api/v2/spans handler)
import { IngestZipkinSpansUnderPrefixEndpoint, ListZipkinSpanNamesEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { zipkinFormat } from "@/lib/collector/ingest/formats/zipkin-format";
import { ingestRoute } from "@/lib/collector/ingest/ingest-route";
import { zipkinSpanNames } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListZipkinSpanNamesEndpoint, ({ query }) => zipkinSpanNames(query.serviceName)), {
  route: ListZipkinSpanNamesEndpoint.path,
});

export const POST = withTracing(ingestRoute(IngestZipkinSpansUnderPrefixEndpoint, zipkinFormat), { record: false });
