// GET /api/tracing/attributes - attribute keys seen in a window, with span counts
import { ListAttributeKeysEndpoint } from "@/lib/api/contracts/attributes";
import { defineRoute } from "@/lib/api/define-route";
import { listAttributeKeys } from "@/lib/query/attributes/list-attributes";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(
  defineRoute(ListAttributeKeysEndpoint, ({ query }) => listAttributeKeys(query)),
  { route: ListAttributeKeysEndpoint.path },
);
