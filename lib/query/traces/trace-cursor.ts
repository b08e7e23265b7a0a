import { z } from "zod";
import type { TraceKey } from "@/lib/store/read/trace-search";

const CURSOR_TEXT = /^(\d{1,19}):([0-9a-f]{32})$/;

/** The cursor after `key`, the last trace of a page. */
export function encodeTraceCursor(key: TraceKey): string {
  return Buffer.from(`${key.startTimeNs}:${key.traceId}`).toString("base64url");
}

export function decodeTraceCursor(cursor: string): TraceKey | null {
  const match = CURSOR_TEXT.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? { startTimeNs: BigInt(match[1]), traceId: match[2] } : null;
}

export const TraceCursorParam = z
  .string()
  .meta({ description: "Opaque: the `nextCursor` of the previous page, with the same filters" })
  .transform((cursor, context) => {
    const key = decodeTraceCursor(cursor);
    if (!key) {
      context.addIssue({ code: "custom", message: "malformed cursor: pass back the nextCursor of a previous answer unchanged" });
      return z.NEVER;
    }
    return key;
  });
