// Shared fixtures for the trace-context unit tests (W3C Trace Context, Level 2).
import { vi } from "vitest";

/** The example ids from the W3C spec. */
export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
export const SPAN_ID = "00f067aa0ba902b7";
export const OTHER_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
export const OTHER_SPAN_ID = "b7ad6b7169203331";

export const LOWER_HEX_32 = /^[0-9a-f]{32}$/;
export const LOWER_HEX_16 = /^[0-9a-f]{16}$/;

/** A traceparent value; every field can be overridden to build invalid variants. */
export function traceparent({
  version = "00",
  traceId = TRACE_ID,
  spanId = SPAN_ID,
  flags = "01",
}: { version?: string; traceId?: string; spanId?: string; flags?: string } = {}): string {
  return `${version}-${traceId}-${spanId}-${flags}`;
}

/** The spec's example: version 00, sampled. */
export const VALID_TRACEPARENT = traceparent();

/** `n` distinct valid tracestate members, `k0=v0,k1=v1,...`. */
export function tracestateMembers(n: number): string {
  return Array.from({ length: n }, (_, i) => `k${i}=v${i}`).join(",");
}

/** A fake fetch that records every call and answers 204. */
export function fakeFetch() {
  return vi.fn<typeof fetch>(async () => new Response(null, { status: 204 }));
}

/** The headers a fake fetch was called with on call `index`, as a `Headers` object. */
export function sentHeaders(fetchMock: ReturnType<typeof fakeFetch>, index = 0): Headers {
  const init = fetchMock.mock.calls[index][1];
  return new Headers(init?.headers);
}
