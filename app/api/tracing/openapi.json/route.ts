// GET /api/tracing/openapi.json - the OpenAPI 3.1 description of every route, generated from their zod contracts
// (a folder named `openapi.json` is a plain static segment for the App Router, as in Next's `app/rss.xml/route.ts` example)
import { openApiDocument } from "@/lib/api/openapi";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(() => Response.json(openApiDocument()), { route: "/api/tracing/openapi.json" });
