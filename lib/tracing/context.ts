import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { TraceContext } from "@/lib/trace-context";

const storage = new AsyncLocalStorage<TraceContext>();

/** Runs `fn` with `ctx` as the current trace context for everything it awaits. */
export function runWithTraceContext<T>(ctx: TraceContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentTraceContext(): TraceContext | undefined {
  return storage.getStore();
}
