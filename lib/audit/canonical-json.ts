export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The canonical JSON text of `value`, which the audit chain hashes. It is RFC 8785
 * (JSON Canonicalization Scheme) for the values JSON.parse produces:
 * - object keys sorted by UTF-16 code units (JavaScript's default sort; byte order
 *   for ASCII keys), members whose value is `undefined` left out;
 * - no whitespace anywhere;
 * - strings and numbers exactly as ECMAScript JSON.stringify writes them (integers
 *   without exponent or `.0`, `-0` as `0`); NaN and Infinity are refused.
 * Python reproduces it for ASCII keys and integer or short decimal numbers with
 * `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
 */
export function canonicalJson(value: JsonValue): string {
  if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError(`canonical JSON has no ${value}`);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const members = Object.keys(value)
    .sort()
    .filter((key) => value[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
  return `{${members.join(",")}}`;
}
