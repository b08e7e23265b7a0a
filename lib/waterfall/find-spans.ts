import type { AttributeValue, Attributes } from "@/lib/domain/span-record";
import type { WaterfallSpan } from "./waterfall-trace";

/** An attribute value as text: what the span detail shows and what find-in-trace searches. */
export function attributeText(value: AttributeValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(attributeText).join(", ")}]`;
  if ("int" in value) return value.int;
  if ("double" in value) return String(value.double);
  if ("bytes" in value) return value.bytes;
  return `{${Object.entries(value.kvlist).map(([key, item]) => `${key}: ${attributeText(item)}`).join(", ")}}`;
}

function attributesText(attributes: Attributes): string {
  let text = "";
  for (const key in attributes) text += `\n${key}=${attributeText(attributes[key])}`;
  return text;
}

/** Everything find-in-trace looks at in one span, lowercased. */
function searchableText(span: WaterfallSpan): string {
  return `${span.name}\n${span.service}\n${span.spanId}\n${span.statusMessage ?? ""}${attributesText(span.attributes)}`.toLowerCase();
}

/** Searchable texts per span list, built as searches reach them and kept while the list lives. */
const textsOf = new WeakMap<readonly WaterfallSpan[], string[]>();

/**
 * Rows whose span name, service, span id, status message or an attribute (`key=value`)
 * contains every word of `query`, case-insensitively. The texts are built once per trace,
 * so each keystroke is one scan over strings.
 */
export function findSpans(spans: readonly WaterfallSpan[], query: string): Set<number> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = new Set<number>();
  if (words.length === 0) return matches;
  let cache = textsOf.get(spans);
  if (!cache) textsOf.set(spans, (cache = []));
  for (let row = 0; row < spans.length; row++) {
    const text = (cache[row] ??= searchableText(spans[row]));
    if (words.every((word) => text.includes(word))) matches.add(row);
  }
  return matches;
}
