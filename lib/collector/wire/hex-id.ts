import { z } from "zod";

const ALL_ZEROS = /^0+$/;

function hexDigits(digits: number, minDigits: number, orEmpty = false) {
  const count = minDigits === digits ? `${digits}` : `${minDigits} to ${digits}`;
  const pattern = `[0-9a-fA-F]{${minDigits},${digits}}`;
  return z.string().regex(new RegExp(orEmpty ? `^(?:${pattern})?$` : `^${pattern}$`), `expected ${count} hex digits`);
}

/**
 * A hex id, case-insensitive, as lowercase `digits` long. Shorter ids (down to
 * `minDigits`) are left-padded with zeros, as Zipkin pads 64-bit trace ids. All zeros is
 * not an id.
 */
export function hexId(digits: 16 | 32, minDigits: number = digits) {
  return hexDigits(digits, minDigits)
    .transform((id) => id.toLowerCase().padStart(digits, "0"))
    .refine((id) => !ALL_ZEROS.test(id), "all zeros is not a valid id");
}

/**
 * A parent span id, or null for a root span: absent, null, "" and all zeros (what Zipkin
 * v1 and Jaeger clients send for "no parent") all mean root.
 */
export function parentSpanHexId(minDigits = 16) {
  return hexDigits(16, minDigits, true)
    .nullish()
    .transform((id) => (id && !ALL_ZEROS.test(id) ? id.toLowerCase().padStart(16, "0") : null));
}
