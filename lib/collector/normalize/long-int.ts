/**
 * int64 and fixed64 fields of decoded protobuf messages are long.js values (the `Long`
 * class protobufjs loads from its own dependency); only their bits are read here.
 */
export interface LongBits {
  low: number;
  high: number;
  unsigned: boolean;
  toString(): string;
}

/** What long.js's own `Long.isLong` checks: its instances carry `__isLong__`. */
export function isLong(value: unknown): value is LongBits {
  return typeof value === "object" && value !== null && (value as { __isLong__?: unknown }).__isLong__ === true;
}

export function longToBigInt(value: LongBits): bigint {
  const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return value.unsigned ? bits : BigInt.asIntN(64, bits);
}
