// GET /zipkin/api/v2/autocompleteValues - Zipkin: values of one tag key
import { ListZipkinAutocompleteValuesEndpoint } from "@/lib/api/contracts/zipkin";
import { defineRoute } from "@/lib/api/define-route";
import { zipkinAutocompleteValues } from "@/lib/query/zipkin/zipkin-api";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListZipkinAutocompleteValuesEndpoint, ({ query }) => zipkinAutocompleteValues(query.key)), {
  route: ListZipkinAutocompleteValuesEndpoint.path,
});
