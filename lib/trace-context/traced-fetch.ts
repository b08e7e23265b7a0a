import { childOf, injectSpanContext, newRootContext, type SamplingOptions } from "./propagation";
import type { SpanContext } from "./span-context";

export interface TracedFetchOptions extends SamplingOptions {
  /** The context active where fetch is called (AsyncLocalStorage on the server, the page in a browser). */
  currentContext: () => SpanContext | undefined;
  fetch?: typeof fetch;
}

/**
 * A `fetch` that carries the current trace to the callee: each call gets a fresh
 * span-id under the current context (or a new trace when there is none) and exactly
 * one traceparent header, replacing any the caller set.
 */
export function createTracedFetch(options: TracedFetchOptions): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;
  return (input, init) => {
    const current = options.currentContext();
    const ctx = current ? childOf(current) : newRootContext(options);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    injectSpanContext(ctx, headers);
    return baseFetch(input, { ...init, headers });
  };
}
