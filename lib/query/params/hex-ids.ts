import { z } from "zod";

function hexId(digits: number, name: string) {
  return z
    .string()
    .regex(new RegExp(`^[0-9a-fA-F]{${digits}}$`), `expected a ${name}: ${digits} hex digits`)
    .refine((id) => /[1-9a-fA-F]/.test(id), `a ${name} must not be all zero`)
    .transform((id) => id.toLowerCase());
}

/** A W3C trace-id: 32 hex digits, not all zero; upper case accepted, stored and answered lowercase. */
export const TraceIdParam = hexId(32, "trace-id").meta({
  description: "W3C trace-id (32 hex digits)",
  examples: ["4bf92f3577b34da6a3ce929d0e0e4736"],
});

/** A W3C span-id: 16 hex digits, not all zero; stored lowercase. */
export const SpanIdParam = hexId(16, "span-id").meta({ description: "W3C span-id (16 hex digits)", examples: ["00f067aa0ba902b7"] });
