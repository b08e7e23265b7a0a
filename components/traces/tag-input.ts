/** One `key=value` attribute match of a trace search. */
export interface TagMatch {
  key: string;
  value: string;
}

export type TagInputResult = { ok: true; tags: TagMatch[] } | { ok: false; error: string };

const SPACE = /\s/;

/** Reads a quoted value from `text[start]` (a `"`); `\"` and `\\` are escapes. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = "";
  for (let at = start + 1; at < text.length; at += 1) {
    const char = text[at];
    if (char === "\\" && at + 1 < text.length) {
      value += text[at + 1];
      at += 1;
    } else if (char === '"') {
      return { value, end: at + 1 };
    } else {
      value += char;
    }
  }
  return null;
}

function readBare(text: string, start: number): { value: string; end: number } {
  let end = start;
  while (end < text.length && !SPACE.test(text[end])) end += 1;
  return { value: text.slice(start, end), end };
}

/**
 * The tags box of the search form: `key=value` pairs separated by spaces or new lines
 * (logfmt, as Jaeger's box reads); a value with spaces is written in double quotes
 * (`customer="Acme Inc"`). The value runs to the first space, so it may hold `=`.
 */
export function parseTagInput(text: string): TagInputResult {
  const tags: TagMatch[] = [];
  let at = 0;
  while (at < text.length) {
    if (SPACE.test(text[at])) {
      at += 1;
      continue;
    }
    let keyEnd = at;
    while (keyEnd < text.length && text[keyEnd] !== "=" && !SPACE.test(text[keyEnd])) keyEnd += 1;
    const key = text.slice(at, keyEnd);
    if (text[keyEnd] !== "=") return { ok: false, error: `"${key}" needs a value: write ${key}=value` };
    if (key === "") return { ok: false, error: "a tag needs a key before the =" };
    const valueStart = keyEnd + 1;
    const read = text[valueStart] === '"' ? readQuoted(text, valueStart) : readBare(text, valueStart);
    if (!read) return { ok: false, error: `the value of "${key}" has no closing quote` };
    tags.push({ key, value: read.value });
    at = read.end;
  }
  return { ok: true, tags };
}

function needsQuotes(value: string): boolean {
  return value === "" || /[\s"\\]/.test(value);
}

/** Tags back into the box's text, quoting values that need it (inverse of parseTagInput). */
export function formatTagInput(tags: readonly TagMatch[]): string {
  return tags
    .map(({ key, value }) => `${key}=${needsQuotes(value) ? `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"` : value}`)
    .join(" ");
}

/** `key=value` as one `tags` query parameter (URL and API); the value runs to the end. */
export function tagParam({ key, value }: TagMatch): string {
  return `${key}=${value}`;
}

/** A `tags` query parameter back into a match; null when it has no `=` or no key. */
export function parseTagParam(param: string): TagMatch | null {
  const equals = param.indexOf("=");
  if (equals <= 0) return null;
  return { key: param.slice(0, equals), value: param.slice(equals + 1) };
}
