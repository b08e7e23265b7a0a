export const TraceFlags = {
  NONE: 0x00,
  SAMPLED: 0x01,
  /** Level 2: the trace-id's rightmost 7 bytes are random. */
  RANDOM: 0x02,
} as const;

/** Only the flags this version of the spec defines are propagated; the rest must be zero. */
export const KNOWN_FLAGS_MASK = TraceFlags.SAMPLED | TraceFlags.RANDOM;

export function isSampled(flags: number): boolean {
  return (flags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
}

export function formatFlags(flags: number): string {
  return (flags & 0xff).toString(16).padStart(2, "0");
}
