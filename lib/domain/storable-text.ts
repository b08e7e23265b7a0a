/**
 * Text the store can keep and compare exactly. Two kinds of JavaScript string do not
 * survive a round trip through a database:
 * - U+0000 (NUL): PostgreSQL text cannot hold it (a query with it fails);
 * - a lone UTF-16 surrogate (`"\ud800"`, valid in JSON escapes and JS strings): both
 *   databases store UTF-8, so it comes back as U+FFFD (what the audit chain hashed
 *   would no longer match what it reads back).
 */
export interface TextProblem {
  /** Where: field names and JSON member keys or array indexes, outermost first. */
  path: (string | number)[];
  message: string;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed is ES2024). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function stringProblem(text: string): string | null {
  if (text.includes("\0")) return "text must not contain U+0000 (NUL)";
  if (LONE_SURROGATE.test(text)) return "text must be valid Unicode (it has a lone UTF-16 surrogate)";
  return null;
}

/** The first string (a value or a member key, at any depth) that cannot be stored exactly, or null. */
export function unstorableText(value: unknown, path: (string | number)[] = []): TextProblem | null {
  if (typeof value === "string") {
    const message = stringProblem(value);
    return message ? { path, message } : null;
  }
  if (typeof value !== "object" || value === null) return null;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  for (const [key, member] of entries) {
    const keyMessage = typeof key === "string" ? stringProblem(key) : null;
    if (keyMessage) return { path: [...path, key], message: `member key: ${keyMessage}` };
    const problem = unstorableText(member, [...path, key]);
    if (problem) return problem;
  }
  return null;
}
