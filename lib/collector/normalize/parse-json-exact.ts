import { IngestFormatError } from "./ingest-format-error";

/**
 * A 16-digit run right after what may precede a JSON number (start, `:`, `,`, `[`,
 * whitespace or `-`). No match proves there is no integer literal beyond 2^53; a match
 * (possibly inside a string) only sends the text through the careful scan.
 */
const MAYBE_BIG_INTEGER = /(?:^|[\s:,[-])\d{16}/;
const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const DOT = 0x2e;
const COLON = 0x3a;
const BYTE_ORDER_MARK = 0xfeff;
const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * `JSON.parse`, except that integer literals beyond ±(2^53-1) become decimal strings
 * (`"startTimeUnixNano": 1700000000123456789` keeps every digit). Proto3 JSON accepts
 * int64 as strings or numbers, so every reader of int64 fields takes both.
 * Malformed JSON throws an IngestFormatError carrying JSON.parse's reason.
 */
export function parseJsonExact(json: string): unknown {
  // RFC 8259 lets parsers ignore a byte order mark; some Windows clients send one.
  const text = json.charCodeAt(0) === BYTE_ORDER_MARK ? json.slice(1) : json;
  const quoted = MAYBE_BIG_INTEGER.test(text) ? quoteBigIntegers(text) : text;
  try {
    return JSON.parse(quoted);
  } catch (error) {
    // Quoting a value never breaks valid JSON, so the original fails too, with the right positions.
    throw new IngestFormatError(`Malformed JSON: ${quoted === text ? reasonOf(error) : reasonParsing(text)}`);
  }
}

function reasonParsing(text: string): string {
  try {
    JSON.parse(text);
    return "unreadable";
  } catch (error) {
    return reasonOf(error);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One pass: skip string literals, quote unsafe integer literals in value position. */
function quoteBigIntegers(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = endOfString(text, i);
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const end = endOfNumber(text, i);
      if (isUnsafeInteger(text, i, end) && !isObjectKey(text, end)) {
        parts.push(text.slice(copied, i), '"', text.slice(i, end), '"');
        copied = end;
      }
      i = end;
    } else {
      i += 1;
    }
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join("");
}

/** Index just past the string literal opening at `start` (or the end of an unterminated one). */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return close + 1;
    from = close + 1;
  }
}

/** Index just past the number token at `start` (sign, digits, fraction, exponent). */
function endOfNumber(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && isNumberChar(text.charCodeAt(i))) i += 1;
  return i;
}

const NUMBER_PUNCTUATION = new Set([DOT, 0x65, 0x45, 0x2b, MINUS]); // . e E + -

function isNumberChar(c: number): boolean {
  return (c >= ZERO && c <= NINE) || NUMBER_PUNCTUATION.has(c);
}

/** A valid JSON integer (`-?(0|[1-9][0-9]*)`, no fraction or exponent) outside ±(2^53-1). */
function isUnsafeInteger(text: string, start: number, end: number): boolean {
  const digitsStart = text.charCodeAt(start) === MINUS ? start + 1 : start;
  const digits = end - digitsStart;
  if (digits < MAX_SAFE_DIGITS.length || text.charCodeAt(digitsStart) === ZERO) return false;
  for (let i = digitsStart; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return digits > MAX_SAFE_DIGITS.length || text.slice(digitsStart, end) > MAX_SAFE_DIGITS;
}

/** `{1234567890123456789: …}` is invalid JSON; quoting it would make it valid. */
function isObjectKey(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && JSON_WHITESPACE.has(text.charCodeAt(i))) i += 1;
  return text.charCodeAt(i) === COLON;
}
