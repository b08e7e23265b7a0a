import type { AttributeKeyList, AttributeValueList } from "@/lib/api/contracts/attributes";
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from "@/lib/domain/span-record";
import { COMPARISON_OPERATORS, INTRINSICS, type ComparisonOperator, type Field, type Intrinsic } from "@/lib/query/traceql/ast";
import type { CompletionContext, ReplaceRange } from "@/lib/query/traceql";
import { INTRINSIC_TYPES } from "@/lib/query/traceql/fields";
import { formatKey } from "@/lib/query/traceql/format";

export type AttributeKey = AttributeKeyList["keys"][number];
export type AttributeValue = AttributeValueList["values"][number];

/** One entry of the editor's list: what it shows, and the text that replaces the context's range. */
export interface Suggestion {
  kind: "scope" | "intrinsic" | "key" | "operator" | "value" | "spanset" | "history";
  label: string;
  insert: string;
  detail?: string;
}

/** At most this many entries are listed; typing narrows them. */
export const MAX_SUGGESTIONS = 50;

const SCOPES = [
  { label: "span.", detail: "span attribute" },
  { label: "resource.", detail: "resource attribute" },
  { label: ".", detail: "span or resource attribute" },
];

const OPERATOR_DETAILS: Record<ComparisonOperator, string> = {
  "=": "equals",
  "!=": "not equal",
  ">": "greater than",
  ">=": "at least",
  "<": "less than",
  "<=": "at most",
  "=~": "matches the regular expression",
  "!~": "does not match the regular expression",
};

/** Presence tests, which only attributes need (an intrinsic is always there). */
const PRESENCE = [
  { label: "!= nil", detail: "has the attribute" },
  { label: "= nil", detail: "lacks the attribute" },
];

const SPANSET_OPERATORS = [
  { op: "&&", detail: "and: the trace also has spans of the next spanset" },
  { op: "||", detail: "or: spans of either spanset" },
  { op: ">>", detail: "descendant: spans of the next spanset below one of these" },
  { op: ">", detail: "child: spans of the next spanset whose parent is one of these" },
  { op: "<<", detail: "ancestor: spans of the next spanset above one of these" },
  { op: "<", detail: "parent: spans of the next spanset that are parents of these" },
  { op: "~", detail: "sibling: spans of the next spanset with a parent in common" },
];

/** Items whose text starts with `prefix` first, then those containing it; case does not matter. */
function narrowed<T>(items: readonly T[], textOf: (item: T) => string, prefix: string): T[] {
  const wanted = prefix.toLowerCase();
  const starts = items.filter((item) => textOf(item).toLowerCase().startsWith(wanted));
  const contains = wanted ? items.filter((item) => !textOf(item).toLowerCase().startsWith(wanted) && textOf(item).toLowerCase().includes(wanted)) : [];
  return [...starts, ...contains];
}

const spans = (count: number) => `${count.toLocaleString("en-US")} ${count === 1 ? "span" : "spans"}`;

/** Fields for a field context: scopes and intrinsics until a scope is typed, then that scope's keys (`span.`, `resource.`, or both for `.`). */
function fieldSuggestions(scope: "span" | "resource" | "any" | null, prefix: string, keys: readonly AttributeKey[], wrap: (text: string) => string): Suggestion[] {
  if (scope === "any") {
    const byKey = new Map<string, number>();
    for (const { key, spanCount } of keys) byKey.set(key, (byKey.get(key) ?? 0) + spanCount);
    return narrowed([...byKey], ([key]) => key, prefix).map(([key, count]) => ({ kind: "key", label: `.${key}`, insert: wrap(`.${formatKey(key)} `), detail: spans(count) }));
  }
  const keyItems = (of: readonly AttributeKey[]) =>
    narrowed(of, ({ key }) => key, prefix).map(({ key, scope: keyScope, spanCount }): Suggestion => ({
      kind: "key",
      label: `${keyScope}.${key}`,
      insert: wrap(`${keyScope}.${formatKey(key)} `),
      detail: spans(spanCount),
    }));
  if (scope !== null) return keyItems(keys.filter((key) => key.scope === scope));
  return [
    ...narrowed(SCOPES, ({ label }) => label, prefix).map(({ label, detail }): Suggestion => ({ kind: "scope", label, insert: wrap(label), detail })),
    ...narrowed(INTRINSICS, (name) => name, prefix).map((name): Suggestion => ({ kind: "intrinsic", label: name, insert: wrap(`${name} `), detail: INTRINSIC_TYPES[name] })),
    ...keyItems(keys),
  ];
}

/** The operators that apply to a field: = and != for status and kind, no regex on durations. */
function operatorsFor(field: Field): readonly ComparisonOperator[] {
  if (field.kind === "attribute") return COMPARISON_OPERATORS;
  const type = INTRINSIC_TYPES[field.intrinsic];
  if (type === "status" || type === "kind") return ["=", "!="];
  if (type === "duration") return COMPARISON_OPERATORS.filter((op) => op !== "=~" && op !== "!~");
  return COMPARISON_OPERATORS;
}

/** A value as TraceQL text: strings quoted (and escaped), numbers and booleans bare. */
const valueText = (value: AttributeValue) => (value.type === "string" ? JSON.stringify(value.value) : value.value);

/** The stored values that fit an operator: strings for a regex, numbers for an ordering. */
function valuesFor(op: ComparisonOperator, values: readonly AttributeValue[]): readonly AttributeValue[] {
  if (op === "=~" || op === "!~") return values.filter((value) => value.type === "string");
  if (op !== "=" && op !== "!=") return values.filter((value) => value.type === "int" || value.type === "double");
  return values;
}

function valueSuggestions(context: Extract<CompletionContext, { kind: "value" }>, values: readonly AttributeValue[]): Suggestion[] {
  const { field, op, prefix, quoted } = context;
  const type = field.kind === "intrinsic" ? INTRINSIC_TYPES[field.intrinsic] : null;
  if (type === "status" || type === "kind") {
    const names = type === "status" ? STATUS_CODE_NAMES : SPAN_KIND_NAMES;
    return narrowed(names, (name) => name, prefix).map((name) => ({ kind: "value", label: name, insert: `${name} `, detail: type }));
  }
  // A string intrinsic takes the strings of its lookup (rootServiceName: the services).
  const fitting = valuesFor(op, values).filter((value) => !(quoted || type === "string") || value.type === "string");
  return narrowed(fitting, ({ value }) => value, prefix).map((value) => ({ kind: "value", label: valueText(value), insert: `${valueText(value)} `, detail: `${value.type}, ${spans(value.spanCount)}` }));
}

/** Intrinsics whose values an attribute lists: a trace's root service is one of the services. */
const INTRINSIC_VALUES: Partial<Record<Intrinsic, { key: string; scope: "resource" }>> = { rootServiceName: { key: "service.name", scope: "resource" } };

/** The attribute whose stored values a context needs (the API's key and scope), or null. */
export function valueLookup(context: CompletionContext): { key: string; scope: "span" | "resource" | undefined } | null {
  if (context.kind !== "value") return null;
  if (context.field.kind === "intrinsic") return INTRINSIC_VALUES[context.field.intrinsic] ?? null;
  return { key: context.field.key, scope: context.field.scope === "any" ? undefined : context.field.scope };
}

/** The list for a context, from the keys and values the API listed (either may still be loading: empty). */
export function suggestionsFor(context: CompletionContext, keys: readonly AttributeKey[], values: readonly AttributeValue[]): Suggestion[] {
  const all = ((): Suggestion[] => {
    switch (context.kind) {
      case "spanset":
        return [{ kind: "spanset", label: "{ }", insert: "{ } ", detail: "every span" }, ...fieldSuggestions(null, context.prefix, keys, (text) => `{ ${text}`)];
      case "field":
        return fieldSuggestions(context.scope, context.prefix, keys, (text) => text);
      case "operator":
        return [
          ...operatorsFor(context.field).map((op) => ({ label: op, detail: OPERATOR_DETAILS[op] })),
          ...(context.field.kind === "attribute" ? PRESENCE : []),
        ]
          .filter(({ label }) => label.startsWith(context.prefix))
          .map(({ label, detail }) => ({ kind: "operator", label, insert: `${label} `, detail }));
      case "value":
        return valueSuggestions(context, values);
      case "condition-end":
        return [
          { kind: "operator", label: "&&", insert: "&& ", detail: "and another condition on the same span" },
          { kind: "operator", label: "||", insert: "|| ", detail: "or another condition" },
          { kind: "operator", label: "}", insert: "} ", detail: "close the spanset filter" },
        ];
      case "spanset-operator":
        return SPANSET_OPERATORS.map(({ op, detail }) => ({ kind: "operator", label: op, insert: `${op} `, detail }));
      case "none":
        return [];
    }
  })();
  return all.slice(0, MAX_SUGGESTIONS);
}

/** Contexts whose list opens as one types; the others (a complete condition or spanset) open on request, so Enter still runs the query. */
export function opensWhileTyping(context: CompletionContext): boolean {
  return context.kind === "field" || context.kind === "operator" || context.kind === "value" || (context.kind === "spanset" && context.prefix !== "");
}

/** The text and cursor after a suggestion replaced the context's range; a space is put before it when it would touch what is before (but an opening parenthesis or a negation). */
export function applySuggestion(text: string, range: ReplaceRange, suggestion: Pick<Suggestion, "insert">): { text: string; cursor: number } {
  const touches = range.from > 0 && !/[\s(!]/.test(text[range.from - 1]);
  const insert = `${touches ? " " : ""}${suggestion.insert}`;
  const rest = text.slice(range.to);
  // The trailing space is not doubled when the text goes on with one.
  const reuseSpace = insert.endsWith(" ") && /^\s/.test(rest);
  const inserted = reuseSpace ? insert.slice(0, -1) : insert;
  return { text: text.slice(0, range.from) + inserted + rest, cursor: range.from + insert.length };
}
