// One pattern per W3C Trace Context grammar rule (https://www.w3.org/TR/trace-context-2/).

export const VERSION = "[0-9a-f]{2}";
export const TRACE_ID = "[0-9a-f]{32}";
export const PARENT_ID = "[0-9a-f]{16}";
export const TRACE_FLAGS = "[0-9a-f]{2}";

/** Version 00: exactly four fields, nothing after. */
export const TRACEPARENT_V00 = new RegExp(`^00-(${TRACE_ID})-(${PARENT_ID})-(${TRACE_FLAGS})$`);

/** A future version: the first four fields, then the end of the value or a `-`. */
export const TRACEPARENT_FUTURE = new RegExp(
  `^(${VERSION})-(${TRACE_ID})-(${PARENT_ID})-(${TRACE_FLAGS})(?:-|$)`,
);

export const INVALID_VERSION = "ff";
export const ALL_ZERO_TRACE_ID = "0".repeat(32);
export const ALL_ZERO_PARENT_ID = "0".repeat(16);

/**
 * tracestate key, "Key" (Level 2): `( lcalpha / DIGIT ) 0*255 ( keychar )`,
 * keychar = lcalpha / DIGIT / `_ - * / @`. Any number of `@` after the first character
 * (the Level 1 `tenant@system` form with its 241/14 limits is gone).
 */
export const TRACESTATE_KEY = /^[a-z0-9][a-z0-9_\-*/@]{0,255}$/;

/**
 * tracestate value, "Value": `0*255(chr) nblk-chr`, printable ASCII
 * (0x20-0x7E) except `,` and `=`, not ending in a space; leading spaces are part of it.
 */
export const TRACESTATE_VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;

/** Optional whitespace (RFC 9110 OWS: space or tab) around list members ("tracestate Header Field Values"). */
export const OWS = /^[ \t]+|[ \t]+$/g;

/** "tracestate Header Field Values": "There can be a maximum of 32 list-members in a list." */
export const MAX_TRACESTATE_MEMBERS = 32;

export const HEX_TRACE_ID = /^[0-9a-f]{32}$/;
export const HEX_SPAN_ID = /^[0-9a-f]{16}$/;
