import { COMPARISON_OPERATORS, INTRINSICS, STRUCTURAL_OPERATORS, type ComparisonOperator, type Field, type Intrinsic } from "./ast";
import { TraceQLError } from "./errors";
import { ATTRIBUTE_SCOPE_OF, KEYWORD_LITERALS, SCOPED_INTRINSICS } from "./fields";
import { tokenize, type Token } from "./tokens";

/** The part of the text a suggestion replaces: [from, to). */
export interface ReplaceRange {
  from: number;
  to: number;
}

/**
 * What may be typed at the cursor of a query being written, read from the tokens before
 * it (the text need not parse yet). `prefix` is what is typed of the item so far.
 * - `spanset`: a spanset filter starts here (empty query, after a spanset operator).
 * - `field`: a field inside a filter (after `{`, `&&`, `||`, `(` or `!`); `scope` once
 *   `span.`, `resource.` or `.` is typed, null before.
 * - `operator`: a comparison operator after a field (`prefix` holds `!`, `=` ... typed so far).
 * - `value`: the value compared with `field`; `quoted` when a string's quote is open.
 * - `condition-end`: a condition is complete inside a filter (`&&`, `||`, `}`).
 * - `spanset-operator`: a spanset is complete (`&&`, `||`, `>>`, `>` ...).
 */
export type CompletionContext = ReplaceRange &
  (
    | { kind: "none" }
    | { kind: "spanset"; prefix: string }
    | { kind: "field"; scope: "span" | "resource" | "any" | null; prefix: string }
    | { kind: "operator"; field: Field; prefix: string }
    | { kind: "value"; field: Field; op: ComparisonOperator; prefix: string; quoted: boolean }
    | { kind: "condition-end" }
    | { kind: "spanset-operator" }
  );

/** Characters of a word being typed (a field, a bare value): those of an unquoted attribute name, without quotes. */
const WORD_BEFORE = /[^\s{}()=~!<>&|^,"`]*$/;
const WORD_AFTER = /^[^\s{}()=~!<>&|^,"`]*/;
const COMPARISON = new Set<string>(COMPARISON_OPERATORS);
/** Tokens after which a field starts inside a filter. */
const FIELD_STARTS = new Set(["{", "&&", "||", "(", "!"]);
/** Tokens after which a spanset starts at the top level. */
const SPANSET_STARTS = new Set<string>(["&&", "||", "(", ...STRUCTURAL_OPERATORS]);

/** The field a token names, or null when it names none. */
function fieldOf(token: Token | undefined): Field | null {
  if (!token) return null;
  if (token.kind === "attribute") {
    const scope = ATTRIBUTE_SCOPE_OF[token.scope];
    return scope ? { kind: "attribute", scope, key: token.key } : null;
  }
  if (token.kind === "scoped") {
    const intrinsic = SCOPED_INTRINSICS[`${token.scope}:${token.name}`];
    return intrinsic ? { kind: "intrinsic", intrinsic } : null;
  }
  if (token.kind === "identifier" && (INTRINSICS as readonly string[]).includes(token.name)) return { kind: "intrinsic", intrinsic: token.name as Intrinsic };
  return null;
}

const isValueToken = (token: Token) =>
  ["string", "int", "float", "duration"].includes(token.kind) || (token.kind === "identifier" && (token.name === "nil" || Object.hasOwn(KEYWORD_LITERALS, token.name)));

/** Tokens of `text` without the final eof, or null when it does not read as tokens. */
function tokensOf(text: string): Token[] | null {
  try {
    return tokenize(text).slice(0, -1);
  } catch (error) {
    if (error instanceof TraceQLError) return null;
    throw error;
  }
}

/** Where a string is open at the end of `text` (its opening quote), or null. */
function openStringAt(text: string): number | null {
  try {
    tokenize(text);
    return null;
  } catch (error) {
    if (error instanceof TraceQLError && error.reason === "unterminated string") return error.position.offset;
    return null;
  }
}

/** `{` opened and not closed: the cursor is inside a spanset filter. */
const insideFilter = (tokens: readonly Token[]) => tokens.reduce((depth, token) => (token.kind === "op" && token.op === "{" ? depth + 1 : token.kind === "op" && token.op === "}" ? depth - 1 : depth), 0) > 0;

const opOf = (token: Token | undefined) => (token?.kind === "op" ? token.op : null);

function fieldScopeOf(word: string): { scope: "span" | "resource" | "any" | null; prefix: string } {
  const scoped = /^(span|resource)\.(.*)$/s.exec(word);
  if (scoped) return { scope: scoped[1] as "span" | "resource", prefix: scoped[2] };
  if (word.startsWith(".")) return { scope: "any", prefix: word.slice(1) };
  return { scope: null, prefix: word };
}

/** The value context after `field op`, when the tokens end so. */
function valueAfter(tokens: readonly Token[], range: ReplaceRange, prefix: string, quoted: boolean): CompletionContext {
  const op = opOf(tokens.at(-1));
  const field = fieldOf(tokens.at(-2));
  if (!op || !COMPARISON.has(op) || !field || !insideFilter(tokens)) return { kind: "none", ...range };
  return { kind: "value", field, op: op as ComparisonOperator, prefix, quoted, ...range };
}

/** The completion context at `cursor` (a UTF-16 offset) of `text`. */
export function completionContext(text: string, cursor: number): CompletionContext {
  const before = text.slice(0, cursor);
  const after = text.slice(cursor);

  const quote = openStringAt(before);
  if (quote !== null) {
    const tokens = tokensOf(before.slice(0, quote));
    // The string's closing quote, when it follows on the same line, is replaced too.
    const close = /^[^"\n]*"/.exec(after);
    const range = { from: quote, to: cursor + (close ? close[0].length : 0) };
    return tokens ? valueAfter(tokens, range, before.slice(quote + 1), true) : { kind: "none", ...range };
  }

  const word = WORD_BEFORE.exec(before)![0];
  const range = { from: cursor - word.length, to: cursor + WORD_AFTER.exec(after)![0].length };
  const tokens = tokensOf(before.slice(0, range.from));
  if (!tokens) return { kind: "none", ...range };
  const last = tokens.at(-1);
  const lastOp = opOf(last);

  if (!insideFilter(tokens)) {
    if (!last || (lastOp && SPANSET_STARTS.has(lastOp))) return { kind: "spanset", prefix: word, ...range };
    if ((lastOp === "}" || lastOp === ")") && word === "") return { kind: "spanset-operator", ...range };
    return { kind: "none", ...range };
  }

  // A comparison operator being typed right after a field (`span.foo !` or `span.foo =`).
  if (word === "" && last && last.end === cursor && (lastOp === "!" || (lastOp && COMPARISON.has(lastOp)))) {
    const field = fieldOf(tokens.at(-2));
    if (field) return { kind: "operator", field, prefix: lastOp, from: last.start, to: cursor };
  }
  if (lastOp && FIELD_STARTS.has(lastOp)) return { kind: "field", ...fieldScopeOf(word), ...range };
  if (lastOp && COMPARISON.has(lastOp)) return valueAfter(tokens, range, word, false);
  if (word !== "" || !last) return { kind: "none", ...range };
  const field = fieldOf(last);
  if (field) return { kind: "operator", field, prefix: "", ...range };
  if (isValueToken(last) || lastOp === ")") return { kind: "condition-end", ...range };
  return { kind: "none", ...range };
}
