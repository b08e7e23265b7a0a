// POST /api/tracing/dashboard-spans - the dashboard's own browser spans (read access, stored under service `traceboard`)
import { RecordDashboardSpansEndpoint } from "@/lib/api/contracts/ingest";
import { dashboardSpansFormat } from "@/lib/collector/ingest/formats/dashboard-spans-format";
import { ingestRoute } from "@/lib/collector/ingest/ingest-route";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(ingestRoute(RecordDashboardSpansEndpoint, dashboardSpansFormat), { record: false });
