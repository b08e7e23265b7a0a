import { formatFlags, KNOWN_FLAGS_MASK } from "./trace-flags";
import type { SpanContext } from "./span-context";
import {
  ALL_ZERO_PARENT_ID,
  ALL_ZERO_TRACE_ID,
  INVALID_VERSION,
  TRACEPARENT_FUTURE,
  TRACEPARENT_V00,
} from "./validators";

export type ParsedTraceparent = Pick<SpanContext, "traceId" | "spanId" | "traceFlags"> & {
  version: string;
};

/**
 * Parses one traceparent header value. Returns null for anything the spec says to
 * ignore; never throws. Leading and trailing spaces or tabs (OWS) are allowed.
 */
export function parseTraceparent(header: string | null | undefined): ParsedTraceparent | null {
  if (typeof header !== "string") return null;
  const value = header.replace(/^[ \t]+|[ \t]+$/g, "");
  const version = value.slice(0, 2);
  if (version === INVALID_VERSION) return null;
  const match = version === "00" ? TRACEPARENT_V00.exec(value) : TRACEPARENT_FUTURE.exec(value);
  if (!match) return null;
  const [traceId, spanId, flags] = version === "00" ? match.slice(1, 4) : match.slice(2, 5);
  if (traceId === ALL_ZERO_TRACE_ID || spanId === ALL_ZERO_PARENT_ID) return null;
  return { version, traceId, spanId, traceFlags: parseInt(flags, 16) };
}

/** Formats a version-00 traceparent; flags this version does not define are cleared. */
export function formatTraceparent(ctx: Pick<SpanContext, "traceId" | "spanId" | "traceFlags">): string {
  return `00-${ctx.traceId}-${ctx.spanId}-${formatFlags(ctx.traceFlags & KNOWN_FLAGS_MASK)}`;
}
