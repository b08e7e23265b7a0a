/**
 * logfmt, as Tempo's `tags` search parameter takes it (github.com/go-logfmt/logfmt's
 * decoder): `key=value` pairs separated by spaces, a value in double quotes when it holds
 * spaces, `=` or quotes (with `\"`, `\\`, `\n`, `\t`, `\r` and `\uXXXX` escapes), a bare
 * `key` with an empty value. A syntax error is `{error, position}` (1-based), as the
 * decoder reports it.
 */

export type LogfmtResult = { pairs: Array<[string, string]> } | { error: string; position: number };

const SPACE = /[ \t\n\r]/;
const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** The end of a bare word starting at `from`: the next space, `=` or quote. */
function wordEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && !SPACE.test(text[at]) && text[at] !== "=" && text[at] !== '"') at++;
  return at;
}

/** A quoted value starting at the opening quote `from`: its text and the index after the closing quote. */
function quoted(text: string, from: number): { value: string; end: number } | { error: string; position: number } {
  let value = "";
  for (let at = from + 1; at < text.length; at++) {
    const char = text[at];
    if (char === '"') return { value, end: at + 1 };
    if (char !== "\\") {
      value += char;
      continue;
    }
    const escape = text[++at];
    if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) {
      value += String.fromCharCode(parseInt(text.slice(at + 1, at + 5), 16));
      at += 4;
    } else if (escape !== undefined && escape in ESCAPES) value += ESCAPES[escape];
    else return { error: "invalid quoted value", position: at + 1 };
  }
  return { error: "unterminated quoted value", position: text.length + 1 };
}

export function parseLogfmt(text: string): LogfmtResult {
  const pairs: Array<[string, string]> = [];
  let at = 0;
  while (at < text.length) {
    if (SPACE.test(text[at])) {
      at++;
      continue;
    }
    const keyEnd = wordEnd(text, at);
    if (keyEnd === at) return { error: text[at] === "=" ? "unexpected '='" : 'unexpected \'"\'', position: at + 1 };
    const key = text.slice(at, keyEnd);
    at = keyEnd;
    if (text[at] !== "=") {
      if (at < text.length && text[at] === '"') return { error: 'unexpected \'"\'', position: at + 1 };
      pairs.push([key, ""]);
      continue;
    }
    at++;
    if (text[at] === '"') {
      const value = quoted(text, at);
      if ("error" in value) return value;
      pairs.push([key, value.value]);
      at = value.end;
      continue;
    }
    const valueEnd = wordEnd(text, at);
    if (text[valueEnd] === "=" || text[valueEnd] === '"') return { error: `unexpected '${text[valueEnd]}'`, position: valueEnd + 1 };
    pairs.push([key, text.slice(at, valueEnd)]);
    at = valueEnd;
  }
  return { pairs };
}
