/**
 * TraceQL regular expressions are Go RE2 syntax, matched against the whole value (Tempo
 * anchors them at both ends). They run here as JavaScript RegExps, so the pattern is
 * translated where the two differ and refused where RE2 would refuse it:
 * - inline flags `(?i)`, `(?s)`, `(?m)` (and combinations) are taken at the very start
 *   only, as RegExp flags; elsewhere, or `(?U)`, they are an error;
 * - `(?P<name>...)` becomes `(?<name>...)`; `\A` and `\z` become `^` and `$`;
 * - POSIX classes (`[[:alpha:]]`) become their ASCII ranges; `\pL` becomes `\p{L}`;
 * - lookarounds and backreferences, which RE2 does not have, are an error.
 * What stays different: RE2 runs in linear time and RegExp backtracks, so patterns are
 * capped at MAX_PATTERN_LENGTH characters; `.` and classes match UTF-16 code points (with
 * the `u` flag, else units) where RE2 matches UTF-8 runes, which agree on valid text.
 */
export const MAX_PATTERN_LENGTH = 1_000;

const POSIX_CLASSES: Record<string, string> = {
  alpha: "a-zA-Z", digit: "0-9", alnum: "a-zA-Z0-9", upper: "A-Z", lower: "a-z", space: "\\t\\n\\v\\f\\r ",
  xdigit: "0-9A-Fa-f", word: "\\w", punct: "!-\\/:-@\\[-`{-~", blank: "\\t ", cntrl: "\\x00-\\x1f\\x7f", print: " -~", graph: "!-~", ascii: "\\x00-\\x7f",
};

/** The pattern as a RegExp matching whole values, or an Error saying why RE2 syntax cannot be had. */
export function compileAnchored(pattern: string): RegExp | Error {
  if (pattern.length > MAX_PATTERN_LENGTH) return new Error(`regular expression longer than ${MAX_PATTERN_LENGTH} characters`);
  let body = pattern;
  let flags = "";
  const leading = /^\(\?([a-zA-Z]+)\)/.exec(body);
  if (leading) {
    for (const flag of leading[1]) {
      if (!"ism".includes(flag)) return new Error(`unsupported regular expression flag \`${flag}\``);
      if (!flags.includes(flag)) flags += flag;
    }
    body = body.slice(leading[0].length);
  }
  if (/\(\?[a-zA-Z-]+[:)]/.test(body)) return new Error("inline regular expression flags are supported only at the start, e.g. (?i)");
  if (/\(\?<?[=!]/.test(body)) return new Error("lookaround assertions are not supported by TraceQL (Go RE2) regular expressions");
  if (/(^|[^\\])(\\\\)*\\[1-9]/.test(body)) return new Error("backreferences are not supported by TraceQL (Go RE2) regular expressions");
  body = body
    .replace(/\(\?P</g, "(?<")
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, negated: string, name: string) => (POSIX_CLASSES[name] && !negated ? POSIX_CLASSES[name] : whole))
    .replace(/(^|[^\\])((?:\\\\)*)\\([Az])/g, (_whole, before: string, escapes: string, letter: string) => `${before}${escapes}${letter === "A" ? "^" : "$"}`)
    .replace(/(^|[^\\])((?:\\\\)*)\\([pP])([A-Za-z])/g, (_whole, before: string, escapes: string, p: string, name: string) => `${before}${escapes}\\${p}{${name}}`);
  const anchored = `^(?:${body})$`;
  try {
    return new RegExp(anchored, `${flags}u`);
  } catch {
    try {
      return new RegExp(anchored, flags);
    } catch (error) {
      return new Error(`invalid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : String(error)}`);
    }
  }
}
