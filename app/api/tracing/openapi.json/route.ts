// GET /api/tracing/openapi.json - the OpenAPI 3.1 description of every route, generated from their zod contracts
// (a folder named `openapi.json` is a plain static segment for the App Router, as in Next's `app/rss.xml/route.ts` example)
import { GetOpenApiDocumentEndpoint } from "@/lib/api/contracts/openapi";
import { defineRoute } from "@/lib/api/define-route";
import { openApiDocument } from "@/lib/api/openapi";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(GetOpenApiDocumentEndpoint, () => openApiDocument()), { route: GetOpenApiDocumentEndpoint.path });
