// GET /zipkin/api/v2/services - Zipkin: service names
import { ListZipkinServicesEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { serviceNames } from "@/lib/query/compat/names";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListZipkinServicesEndpoint, () => serviceNames()), { route: ListZipkinServicesEndpoint.path });
