// POST /api/tracing/propagation-test - W3C Trace Context test-suite endpoint (off unless TRACEBOARD_PROPAGATION_TEST=1)
import { RunPropagationTestEndpoint } from "@/lib/api/contracts/propagation";
import { defineRoute } from "@/lib/api/define-route";
import { errorResponse } from "@/lib/api/errors";
import { tracingConfig } from "@/lib/config/tracing-config";
import { runCallbacks } from "@/lib/propagation-test/run-callbacks";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(
  defineRoute(RunPropagationTestEndpoint, async ({ body }) =>
    tracingConfig().propagationTestEnabled ? { results: await runCallbacks(body) } : errorResponse("not_found", "Not found"),
  ),
);
