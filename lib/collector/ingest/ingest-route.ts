import "server-only";
import type { Endpoint } from "@/lib/api/endpoint";
import { defineRoute } from "@/lib/api/define-route";
import { answerMediaType, handleIngest } from "./handle-ingest";
import type { IngestFormat } from "./ingest-format";

/**
 * The route of one ingest contract: `defineRoute` checks its access (refusing in
 * the format's own error shape, e.g. OTLP's google.rpc.Status), and `handleIngest`
 * reads the body in whatever encoding it comes.
 */
export function ingestRoute(endpoint: Endpoint & { access: "ingest" | "read"; bodyReadByHandler: true }, format: IngestFormat) {
  return defineRoute(endpoint, ({ request }) => handleIngest(request, format), {
    refuse: (request, { status, message, challenge }) =>
      format.refused(status, message, answerMediaType(request, format), new Headers(challenge ? { "WWW-Authenticate": challenge } : {})),
  });
}
