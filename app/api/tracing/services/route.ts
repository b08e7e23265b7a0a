// GET /api/tracing/services - services seen, with operation counts and span kinds
import { ListServices } from "@/lib/api/contracts/services";
import { listServices } from "@/lib/query/services/list-services";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(async () => Response.json(await listServices()), { route: ListServices.path });
