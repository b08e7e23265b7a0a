// GET /zipkin/api/v2/autocompleteKeys - Zipkin: tag keys for autocompletion
import { ListZipkinAutocompleteKeysEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { zipkinAutocompleteKeys } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListZipkinAutocompleteKeysEndpoint, () => zipkinAutocompleteKeys()), {
  route: ListZipkinAutocompleteKeysEndpoint.path,
});
