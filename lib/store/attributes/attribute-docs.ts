import type { Attributes } from "@/lib/domain/span-record";
import { AttributeTokenizer } from "./attribute-tokens";

/** The fields of a stored span the attribute index reads. */
export interface IndexedSpan {
  traceId: string;
  serviceName: string;
  startTimeNs: bigint;
  attributes: Attributes;
  resourceAttributes: Attributes;
}

/** One document: the tokens of the spans of one trace that one write stored. */
export interface AttributeDoc {
  traceId: string;
  startTimeNs: bigint;
  lastStartNs: bigint;
  tokens: number[];
}

interface OpenDoc {
  doc: AttributeDoc;
  tokens: Set<number>;
}

/** Groups newly stored spans by trace into documents (a retried span must not be passed: only inserted ones). */
export function attributeDocs(spans: Iterable<IndexedSpan>, tokenizer: AttributeTokenizer): AttributeDoc[] {
  const open = new Map<string, OpenDoc>();
  for (const span of spans) {
    let entry = open.get(span.traceId);
    if (entry === undefined) {
      entry = { doc: { traceId: span.traceId, startTimeNs: span.startTimeNs, lastStartNs: span.startTimeNs, tokens: [] }, tokens: new Set() };
      open.set(span.traceId, entry);
    }
    if (span.startTimeNs < entry.doc.startTimeNs) entry.doc.startTimeNs = span.startTimeNs;
    if (span.startTimeNs > entry.doc.lastStartNs) entry.doc.lastStartNs = span.startTimeNs;
    tokenizer.add(entry.tokens, "span", span.attributes);
    tokenizer.add(entry.tokens, "resource", span.resourceAttributes);
  }
  return Array.from(open.values(), ({ doc, tokens }) => ({ ...doc, tokens: [...tokens] }));
}

/** A token as FTS5 text: `t` and base 36, a bareword its query syntax takes as is. */
export const ftsToken = (token: number) => `t${token.toString(36)}`;
