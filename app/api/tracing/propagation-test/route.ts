// POST /api/tracing/propagation-test - W3C Trace Context test-suite endpoint (off unless TRACEBOARD_PROPAGATION_TEST=1)
import type { PropagationTestResponse } from "@/lib/api/contracts/propagation";
import { errorResponse, validationErrorResponse } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/read-json-body";
import { tracingConfig } from "@/lib/config/tracing-config";
import { runCallbacks } from "@/lib/propagation-test/run-callbacks";
import { parsePropagationTestBody } from "@/lib/propagation-test/schema";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(async (request) => {
  if (!tracingConfig().propagationTestEnabled) return errorResponse("not_found", "Not found");
  const body = await readJsonBody(request, null);
  if (!body.ok) return body.response;
  const parsed = parsePropagationTestBody(body.value);
  if (!parsed.success) return validationErrorResponse(parsed.error);
  const results = await runCallbacks(parsed.data);
  return Response.json({ results } satisfies PropagationTestResponse);
});
