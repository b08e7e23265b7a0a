import Long from "long";

/** int64 and fixed64 fields of decoded protobuf messages are long.js values. */
export function isLong(value: unknown): value is Long {
  return Long.isLong(value);
}

export function longToBigInt(value: Long): bigint {
  const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return value.unsigned ? bits : BigInt.asIntN(64, bits);
}
