import "server-only";
import { tracingConfig } from "@/lib/config/tracing-config";
import { createTracedFetch } from "@/lib/trace-context";
import { currentTraceContext } from "./context";

/** `fetch` for server code: outgoing calls continue the trace of the request being served. */
export const tracedFetch: typeof fetch = createTracedFetch({
  currentContext: currentTraceContext,
  get sampleRatio() {
    return tracingConfig().sampleRatio;
  },
});
