import { isValidTraceId } from "./ids";

export const X_TRACE_ID_HEADER = "x-trace-id";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const HEX32 = /^[0-9a-fA-F]{32}$/;

/**
 * The `X-Trace-ID` fallback for callers that send nothing else. Accepts 32 hex digits
 * or a dashed UUID (normalized to lowercase hex); anything else is ignored, so a
 * crafted value can never reach a response header or a log line.
 */
export function parseXTraceId(header: string | null | undefined): string | null {
  if (typeof header !== "string") return null;
  const value = header.trim();
  if (!HEX32.test(value) && !UUID.test(value)) return null;
  const id = value.replaceAll("-", "").toLowerCase();
  return isValidTraceId(id) ? id : null;
}
