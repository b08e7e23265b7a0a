import { isLong } from "./long-int";

/**
 * Why one span cannot be stored, with the path of the offending field inside the span
 * (`events.2.timeUnixNano`). Normalizers catch it and reject that span alone.
 */
export class FieldError extends Error {
  constructor(
    public path: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}

/** Re-throws `error`, with `segment` prepended to its path when it is a FieldError. */
export function rethrowUnder(error: unknown, segment: string | number): never {
  if (error instanceof FieldError) error.path = error.path === "" ? String(segment) : `${segment}.${error.path}`;
  throw error;
}

/** `path: message`, the form every rejection reason takes; empty path parts are skipped. */
export function messageAt(path: readonly PropertyKey[], message: string): string {
  const joined = path
    .map(String)
    .filter((part) => part !== "")
    .join(".");
  return joined === "" ? message : `${joined}: ${message}`;
}

const SHOWN_CHARS = 40;

/** A short rendering of an offending value for an error message; never throws. */
export function show(value: unknown): string {
  const text =
    value instanceof Uint8Array ? `${value.length} bytes` : isLong(value) ? value.toString() : stringify(value);
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // a bigint, or an object with a cycle
  }
}
