import { NS_PER_HOUR, NS_PER_MINUTE, NS_PER_MS, NS_PER_S, NS_PER_US } from "@/lib/domain/time-units";
import { failAt } from "./errors";

/** A token and the half-open range [start, end) of query text it was read from. */
export type Token = { start: number; end: number } & (
  | { kind: "op"; op: string }
  | { kind: "string"; value: string }
  | { kind: "int"; value: bigint }
  | { kind: "float"; value: number }
  | { kind: "duration"; nanos: bigint }
  | { kind: "identifier"; name: string }
  /** `.key` (scope ""), `span.key`, `resource.key`, and the scopes this subset refuses (`parent.`, `event.` ...). */
  | { kind: "attribute"; scope: string; key: string }
  /** `span:name`, `trace:rootName` ...: the scope before the colon and the name after it. */
  | { kind: "scoped"; scope: string; name: string }
  | { kind: "eof" }
);

/** Longest first, so `!>>` is read before `!>` and `!`. */
const OPERATORS = [
  "!>>", "!<<", "&>>", "&<<",
  "!=", "=~", "!~", ">=", "<=", "&&", "||", ">>", "<<", "!>", "!<", "&>", "&<", "&~",
  "=", ">", "<", "!", "|", "~", "{", "}", "(", ")", "+", "-", "*", "/", "%", "^", ",",
];
const ATTRIBUTE_SCOPES = new Set(["span", "resource", "parent", "event", "link", "instrumentation"]);
const INTRINSIC_SCOPES = new Set(["span", "trace", "event", "link", "instrumentation"]);

/** Nanoseconds per duration unit; `d`, `w` and `y` as Prometheus has them (a year of 365 days). */
const NS_PER_DAY = 24n * NS_PER_HOUR;
const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n, us: NS_PER_US, µs: NS_PER_US, ms: NS_PER_MS, s: NS_PER_S, m: NS_PER_MINUTE, h: NS_PER_HOUR, d: NS_PER_DAY, w: 7n * NS_PER_DAY, y: 365n * NS_PER_DAY,
};
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** One or more number-unit pairs (`1h30m`, `1.5s`); `ms` before `m` so `1ms` is one pair. */
const DURATION = /(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d|w|y))+/y;
const DURATION_PART = /(\d+)(?:\.(\d+))?(ns|us|µs|ms|s|m|h|d|w|y)/g;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", a: "\x07", b: "\b", f: "\f", v: "\v" };

/** Characters an unquoted attribute name may hold, as Tempo's lexer has them: all but space and the operator characters. */
export const isAttributeChar = (char: string) => !/[\s{}()=~!<>&|^,]/.test(char);

/** Nanoseconds of a duration literal; a fraction below a nanosecond is dropped, as Go's time.ParseDuration does. */
function durationNanos(text: string): bigint {
  let total = 0n;
  for (const [, whole, fraction = "", unit] of text.matchAll(DURATION_PART)) {
    const scale = UNIT_NANOS[unit];
    total += BigInt(whole) * scale + (BigInt(fraction || "0") * scale) / 10n ** BigInt(fraction.length);
  }
  return total;
}

/** Reads the query into tokens, ending with `eof`; a character no token starts with is a syntax error at its position. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const sticky = (pattern: RegExp) => {
    pattern.lastIndex = at;
    return pattern.exec(text)?.[0] ?? null;
  };

  const readString = (quote: string): string => {
    let value = "";
    let index = at + 1;
    while (index < text.length && text[index] !== quote) {
      const char = text[index];
      if (char === "\\" && quote === '"') {
        const next = text[index + 1];
        if (next in SIMPLE_ESCAPES) {
          value += SIMPLE_ESCAPES[next];
          index += 2;
          continue;
        }
        const hex = next === "u" ? /^[0-9a-fA-F]{4}/.exec(text.slice(index + 2)) : next === "x" ? /^[0-9a-fA-F]{2}/.exec(text.slice(index + 2)) : null;
        if (!hex) failAt(text, index, "syntax", `invalid escape sequence \\${next ?? ""} in a string`);
        value += String.fromCharCode(parseInt(hex[0], 16));
        index += 2 + hex[0].length;
        continue;
      }
      if (char === "\n" && quote === '"') failAt(text, at, "syntax", "unterminated string");
      value += char;
      index += 1;
    }
    if (index >= text.length) failAt(text, at, "syntax", "unterminated string");
    at = index + 1;
    return value;
  };

  /** An attribute name from `at`: unquoted characters and `"quoted"` parts (`\"` and `\\` escaped), as Tempo reads them. */
  const readAttributeKey = (scopeText: string): string => {
    let key = "";
    while (at < text.length) {
      const char = text[at];
      if (char === '"') {
        let index = at + 1;
        while (index < text.length && text[index] !== '"') {
          if (text[index] === "\\") {
            if (text[index + 1] !== '"' && text[index + 1] !== "\\") failAt(text, index, "syntax", 'invalid escape sequence in a quoted attribute name (only \\" and \\\\)');
            index += 1;
          }
          key += text[index];
          index += 1;
        }
        if (index >= text.length) failAt(text, at, "syntax", "unterminated quoted attribute name");
        at = index + 1;
      } else if (isAttributeChar(char)) {
        key += char;
        at += 1;
      } else break;
    }
    if (key === "") failAt(text, at, "syntax", `expected an attribute name after \`${scopeText}\``);
    return key;
  };

  while (true) {
    while (at < text.length) {
      if (/\s/.test(text[at])) at += 1;
      else if (text.startsWith("//", at)) at = text.includes("\n", at) ? text.indexOf("\n", at) : text.length;
      else if (text.startsWith("/*", at)) {
        const close = text.indexOf("*/", at + 2);
        if (close < 0) failAt(text, at, "syntax", "unterminated comment");
        at = close + 2;
      } else break;
    }
    const start = at;
    if (at >= text.length) {
      tokens.push({ kind: "eof", start, end: start });
      return tokens;
    }
    const char = text[at];
    if (char === '"' || char === "`") {
      const value = readString(char);
      tokens.push({ kind: "string", value, start, end: at });
      continue;
    }
    if (/\d/.test(char)) {
      const duration = sticky(DURATION);
      const number = sticky(NUMBER)!;
      if (duration && duration.length > number.length) {
        at += duration.length;
        tokens.push({ kind: "duration", nanos: durationNanos(duration), start, end: at });
      } else {
        at += number.length;
        const integer = /^\d+$/.test(number);
        tokens.push(integer ? { kind: "int", value: BigInt(number), start, end: at } : { kind: "float", value: Number(number), start, end: at });
      }
      continue;
    }
    if (char === "." && at + 1 < text.length && (isAttributeChar(text[at + 1]) || text[at + 1] === '"')) {
      at += 1;
      tokens.push({ kind: "attribute", scope: "", key: readAttributeKey("."), start, end: at });
      continue;
    }
    const word = sticky(IDENTIFIER);
    if (word) {
      at += word.length;
      if (text[at] === "." && ATTRIBUTE_SCOPES.has(word)) {
        at += 1;
        tokens.push({ kind: "attribute", scope: word, key: readAttributeKey(`${word}.`), start, end: at });
      } else if (text[at] === ":" && INTRINSIC_SCOPES.has(word)) {
        at += 1;
        const name = sticky(IDENTIFIER);
        if (!name) failAt(text, at, "syntax", `expected an intrinsic name after \`${word}:\``);
        at += name.length;
        tokens.push({ kind: "scoped", scope: word, name, start, end: at });
      } else {
        tokens.push({ kind: "identifier", name: word, start, end: at });
      }
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, at));
    if (!op) failAt(text, at, "syntax", `unexpected character \`${char}\``);
    at += op.length;
    tokens.push({ kind: "op", op, start, end: at });
  }
}
