// The trace page's server side: once its HTML is sent, the server starts rendering the
// trace's compact view, while the browser loads and starts the page; the page's fetch of
// it then shares that render or finds it cached. On a big trace the render is most of
// the time to the first rows (200,000 spans: about a second).
import { headers } from "next/headers";
import { after } from "next/server";
import type { ReactNode } from "react";
import { warmTraceDetail } from "@/lib/query/traces/trace-detail";

export default async function TraceLayout({ children, params }: { children: ReactNode; params: Promise<{ traceId: string }> }) {
  const { traceId } = await params;
  // A link's prefetch (the trace list's rows in view) is not an open: only a navigation warms.
  if (!(await headers()).has("next-router-prefetch")) after(() => warmTraceDetail(traceId));
  return children;
}
