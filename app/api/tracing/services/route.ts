// GET /api/tracing/services - services seen, with operation counts and span kinds
import { ListServicesEndpoint } from "@/lib/api/contracts/services";
import { defineRoute } from "@/lib/api/define-route";
import { listServices } from "@/lib/query/services/list-services";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListServicesEndpoint, () => listServices()), { route: ListServicesEndpoint.path });
