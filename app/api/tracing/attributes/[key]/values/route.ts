// GET /api/tracing/attributes/{key}/values - values of one attribute key, with span counts
import { ListAttributeValuesEndpoint } from "@/lib/api/contracts/attributes";
import { defineRoute } from "@/lib/api/define-route";
import { listAttributeValues } from "@/lib/query/attributes/list-attributes";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(ListAttributeValuesEndpoint, ({ params, query }) => listAttributeValues(params.key, query)),
  { route: ListAttributeValuesEndpoint.path },
);
