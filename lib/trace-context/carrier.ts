/**
 * Header carriers: the Web `Headers` class, and plain objects such as Node's
 * `IncomingHttpHeaders` or a user's `{ Traceparent: "..." }` (any key casing).
 */
export type HeaderRecord = Record<string, string | readonly string[] | number | undefined>;
export type Carrier = Headers | HeaderRecord;

function isHeaders(carrier: Carrier): carrier is Headers {
  return typeof (carrier as Headers).get === "function" && typeof (carrier as Headers).set === "function";
}

/**
 * Every value of a header, in order. `Headers` has already joined repeats with ", ";
 * a plain object may hold an array (Node) or one string.
 */
export function getHeaderValues(carrier: Carrier, name: string): string[] {
  if (isHeaders(carrier)) {
    const value = carrier.get(name);
    return value === null ? [] : [value];
  }
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const key of Object.keys(carrier)) {
    if (key.toLowerCase() !== wanted) continue;
    const value = carrier[key];
    if (Array.isArray(value)) values.push(...value.map(String));
    else if (value !== undefined) values.push(String(value));
  }
  return values;
}

/** Replaces every existing casing of the header with one value. */
export function setHeader(carrier: Carrier, name: string, value: string): void {
  if (isHeaders(carrier)) {
    carrier.set(name, value);
    return;
  }
  deleteHeader(carrier, name);
  carrier[name] = value;
}

export function deleteHeader(carrier: Carrier, name: string): void {
  if (isHeaders(carrier)) {
    carrier.delete(name);
    return;
  }
  const wanted = name.toLowerCase();
  for (const key of Object.keys(carrier)) if (key.toLowerCase() === wanted) delete carrier[key];
}
