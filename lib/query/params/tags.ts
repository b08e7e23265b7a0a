import { z } from "zod";

export interface TagFilter {
  key: string;
  value: string;
}

/** A quoted token: backslash escapes `\"` and `\\` (and any other character as itself). */
function readQuoted(text: string, from: number): { token: string; end: number } | null {
  let token = "";
  for (let i = from + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '"') return { token, end: i + 1 };
    if (char === "\\" && i + 1 < text.length) token += text[++i];
    else token += char;
  }
  return null;
}

function readBare(text: string, from: number, stop: RegExp): { token: string; end: number } {
  let end = from;
  while (end < text.length && !stop.test(text[end])) end++;
  return { token: text.slice(from, end), end };
}

/**
 * `key=value` pairs separated by whitespace (logfmt, as Jaeger's search box takes them):
 * `http.route="/a b" error=true`. Keys and values may be double-quoted; an unquoted key
 * ends at `=`, an unquoted value at whitespace. Throws a message naming the problem.
 */
export function parseTags(text: string): TagFilter[] {
  const tags: TagFilter[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  for (skipSpace(); i < text.length; skipSpace()) {
    const key = text[i] === '"' ? readQuoted(text, i) : readBare(text, i, /[=\s]/);
    if (!key) throw new Error(`unterminated quote in "${text}"`);
    if (key.token === "") throw new Error(`empty tag key in "${text}"`);
    if (text[key.end] !== "=") throw new Error(`tag "${key.token}" has no value: use key=value`);
    i = key.end + 1;
    const value = text[i] === '"' ? readQuoted(text, i) : readBare(text, i, /\s/);
    if (!value) throw new Error(`unterminated quote in the value of tag "${key.token}"`);
    if (value.end < text.length && !/\s/.test(text[value.end])) throw new Error(`unexpected "${text[value.end]}" after the value of tag "${key.token}"`);
    tags.push({ key: key.token, value: value.token });
    i = value.end;
  }
  return tags;
}

/** Tag pairs one search may hold: each is a condition on one same span, and a search is not a bulk export. */
export const MAX_TAGS = 32;

/** The `tags` query parameter, given once or repeated, each holding one or more pairs (see parseTags). */
export const TagsParam = z
  .union([z.string(), z.array(z.string())])
  .meta({
    description:
      'Attribute matches, AND-ed: `key=value` pairs separated by spaces, values double-quoted when they hold spaces (`http.route="/a b"`); the parameter may repeat; at most 32 pairs',
    examples: ['http.route="/api/cart" error=true'],
  })
  .transform((given, context) => {
    const texts = typeof given === "string" ? [given] : given;
    const tags: TagFilter[] = [];
    for (const text of texts) {
      try {
        tags.push(...parseTags(text));
      } catch (error) {
        context.addIssue({ code: "custom", message: `invalid tags: ${(error as Error).message}` });
        return z.NEVER;
      }
    }
    if (tags.length > MAX_TAGS) {
      context.addIssue({ code: "custom", message: `invalid tags: at most ${MAX_TAGS} key=value pairs (got ${tags.length})` });
      return z.NEVER;
    }
    return tags;
  });
