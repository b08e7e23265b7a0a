import type { Attributes } from "@/lib/domain/span-record";

export type SpanStatusName = "unset" | "ok" | "error";

export interface WaterfallEvent {
  name: string;
  /** Unix nanoseconds, exact decimal string. */
  timeUnixNano: string;
  /** Milliseconds after the span's start. */
  offsetMs: number;
  attributes: Attributes;
}

export interface WaterfallLink {
  traceId: string;
  spanId: string;
  traceState: string | null;
  attributes: Attributes;
}

/** One span as the waterfall and the span detail show it, whatever it was read from (API answer or a dropped file). */
export interface WaterfallSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  service: string;
  kind: string;
  status: SpanStatusName;
  statusMessage: string | null;
  startTimeUnixNano: string;
  /** Milliseconds after the trace's start (float; exact enough for drawing). */
  startMs: number;
  durationMs: number;
  attributes: Attributes;
  resourceAttributes: Attributes;
  events: WaterfallEvent[];
  links: WaterfallLink[];
  traceState: string | null;
  scope: string | null;
  /** Its parent is not in the trace (or it was attached under a synthetic root). */
  orphan: boolean;
  /**
   * Read from the compact view: its events carry no attributes and its links and trace
   * state are not here yet; the span detail reads them when the span is selected.
   */
  detailToLoad?: true;
}

/**
 * A trace laid out for the waterfall: spans in depth-first order (children by start
 * time), with the depth of each row and, per row, the index just past its subtree, so a
 * collapsed subtree is skipped in one step. Computed once per trace.
 */
export interface WaterfallTrace {
  traceId: string;
  startTimeUnixNano: string;
  durationMs: number;
  spans: WaterfallSpan[];
  depth: Int32Array;
  parent: Int32Array;
  subtreeEnd: Int32Array;
  services: string[];
  maxDepth: number;
  errorCount: number;
}
