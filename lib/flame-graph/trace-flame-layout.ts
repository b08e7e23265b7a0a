import { timedRows } from "@/lib/waterfall/trace-critical-path";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";
import { flameLayout, type FlameLayout } from "./flame-layout";

const layoutOf = new WeakMap<WaterfallTrace, FlameLayout>();

/** The flame graph of a trace, laid out once from the waterfall's own rows and times and shared by every render. */
export function traceFlameLayout(trace: WaterfallTrace): FlameLayout {
  let layout = layoutOf.get(trace);
  if (!layout) layoutOf.set(trace, (layout = flameLayout(timedRows(trace))));
  return layout;
}
