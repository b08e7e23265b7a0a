import type { AttributeValue, Attributes } from "@/lib/domain/span-record";
import {
  DAY_NS,
  floorTo,
  HOUR_NS,
  listedValue,
  MAX_VALUES_PER_KEY_DAY,
  OVERFLOW_TYPE,
  SCOPE_NUMBER,
  type AttributeKeyRow,
  type AttributeValueRow,
} from "./attribute-counts";
import type { AttributeDoc, IndexedSpan } from "./attribute-docs";
import { keyState, linkTargetToken, presenceOf, valueOf, type AttributeScope, type HashState } from "./attribute-tokens";

/** What one write adds to the attribute index. */
export interface IndexedWrite {
  docs: AttributeDoc[];
  keys: AttributeKeyRow[];
  values: AttributeValueRow[];
}

interface KeyEntry {
  state: HashState;
  presence: number;
}

/** Count rows of one (hour, service, scope), by presence token. */
interface KeyRows {
  hourStartNs: bigint;
  serviceName: string;
  scope: number;
  rows: Map<number, AttributeKeyRow>;
}
/** Count rows of one (day, scope), by value token; null for a value that is not listed (bytes, long text). */
interface ValueRows {
  dayStartNs: bigint;
  scope: number;
  rows: Map<number, AttributeValueRow | null>;
  overflow: Map<string, AttributeValueRow>;
  /** The listed values of each key that day, as this writer remembers them (for the cap). */
  listed: Map<string, Set<number>>;
}

/** Distinct keys remembered per scope before the cache starts over (a hostile sender could send endless keys). */
const MAX_CACHED_KEYS = 10_000;
/** (day, scope) groups remembered for the value cap before the memory starts over. */
const MAX_REMEMBERED_DAYS = 64;

/**
 * Turns newly stored spans into the attribute index's rows in one pass over their
 * attributes: each attribute's token is hashed once and then serves as the key of its
 * document entry and of its count rows, so a repeated value costs number-keyed map
 * lookups. A resource's attributes are read once per document and count group, however
 * many spans share it. On bench:ingest's spans this costs about 6 µs a span (token text
 * included); a first cut that built string keys from bigints per attribute cost 13.
 *
 * The cap on listed values per key and day is counted by this writer in memory (not read
 * back), so after a restart, or with several PostgreSQL writers, a key may list a few
 * times the cap: bounded, and never a row per span.
 */
export class AttributeIndexer {
  private readonly keyEntries: Record<AttributeScope, Map<string, KeyEntry>> = { span: new Map(), resource: new Map() };
  private readonly listed = new Map<string, Map<string, Set<number>>>();

  index(spans: Iterable<IndexedSpan>): IndexedWrite {
    const docs = new Map<string, AttributeDoc & { resources: Set<Attributes> }>();
    const write: IndexedWrite = { docs: [], keys: [], values: [] };
    const keyGroups = new Map<string, KeyRows>();
    const valueGroups = new Map<string, ValueRows>();
    const resourceUses = new Map<Attributes, Map<string, { keys: KeyRows; values: ValueRows; spans: number }>>();
    let hourStartNs = -1n;
    let dayStartNs = -1n;
    const groups = (serviceName: string, scope: number) => {
      const keyId = `${hourStartNs}|${serviceName}|${scope}`;
      let keys = keyGroups.get(keyId);
      if (keys === undefined) keyGroups.set(keyId, (keys = { hourStartNs, serviceName, scope, rows: new Map() }));
      const valueId = `${dayStartNs}|${scope}`;
      let values = valueGroups.get(valueId);
      if (values === undefined) valueGroups.set(valueId, (values = { dayStartNs, scope, rows: new Map(), overflow: new Map(), listed: this.listedOn(valueId) }));
      return { keyId, keys, values };
    };

    for (const span of spans) {
      // Spans of one write mostly share an hour: its bounds are reused until a span leaves them.
      if (span.startTimeNs < hourStartNs || span.startTimeNs >= hourStartNs + HOUR_NS) {
        hourStartNs = floorTo(span.startTimeNs, HOUR_NS);
        dayStartNs = floorTo(span.startTimeNs, DAY_NS);
      }
      let doc = docs.get(span.traceId);
      if (doc === undefined) {
        doc = { traceId: span.traceId, startTimeNs: span.startTimeNs, lastStartNs: span.startTimeNs, tokens: new Set(), resources: new Set() };
        docs.set(span.traceId, doc);
      } else {
        if (span.startTimeNs < doc.startTimeNs) doc.startTimeNs = span.startTimeNs;
        if (span.startTimeNs > doc.lastStartNs) doc.lastStartNs = span.startTimeNs;
      }
      for (const link of span.links) doc.tokens.add(linkTargetToken(link.traceId, link.spanId));
      const own = groups(span.serviceName, SCOPE_NUMBER.span);
      this.addAttributes("span", span.attributes, 1, doc.tokens, own.keys, own.values);
      if (!doc.resources.has(span.resourceAttributes)) {
        doc.resources.add(span.resourceAttributes);
        this.addAttributes("resource", span.resourceAttributes, 0, doc.tokens, null, null);
      }
      const resource = groups(span.serviceName, SCOPE_NUMBER.resource);
      let uses = resourceUses.get(span.resourceAttributes);
      if (uses === undefined) resourceUses.set(span.resourceAttributes, (uses = new Map()));
      const use = uses.get(resource.keyId);
      if (use) use.spans += 1;
      else uses.set(resource.keyId, { keys: resource.keys, values: resource.values, spans: 1 });
    }
    for (const [attributes, uses] of resourceUses) {
      for (const { keys, values, spans } of uses.values()) this.addAttributes("resource", attributes, spans, null, keys, values);
    }
    for (const keys of keyGroups.values()) write.keys.push(...keys.rows.values());
    for (const group of valueGroups.values()) {
      for (const row of group.rows.values()) if (row && row.valueType !== OVERFLOW_TYPE) write.values.push(row);
      write.values.push(...group.overflow.values());
    }
    for (const { traceId, startTimeNs, lastStartNs, tokens } of docs.values()) write.docs.push({ traceId, startTimeNs, lastStartNs, tokens });
    return write;
  }

  /**
   * Adds the tokens of `attributes` to `tokens` (when given) and `spans` to the counts of
   * their keys and listed values (when given): each key's presence and value, and for
   * an array each element too (TraceQL matches an element).
   */
  private addAttributes(scope: AttributeScope, attributes: Attributes, spans: number, tokens: Set<number> | null, keys: KeyRows | null, values: ValueRows | null): void {
    for (const key in attributes) {
      const entry = this.keyEntry(scope, key);
      tokens?.add(entry.presence);
      if (keys) this.countKey(keys, entry.presence, key, spans);
      const value = attributes[key];
      const whole = valueOf(entry.state, JSON.stringify(value));
      tokens?.add(whole);
      if (!Array.isArray(value)) {
        if (values) this.countValue(values, whole, key, value, spans);
        continue;
      }
      for (const element of value) {
        if (Array.isArray(element)) continue;
        const token = valueOf(entry.state, JSON.stringify(element));
        tokens?.add(token);
        if (values) this.countValue(values, token, key, element, spans);
      }
    }
  }

  private keyEntry(scope: AttributeScope, key: string): KeyEntry {
    const cache = this.keyEntries[scope];
    let entry = cache.get(key);
    if (entry === undefined) {
      if (cache.size >= MAX_CACHED_KEYS) cache.clear();
      const state = keyState(scope, key);
      cache.set(key, (entry = { state, presence: presenceOf(state) }));
    }
    return entry;
  }

  private countKey(keys: KeyRows, presence: number, key: string, spans: number): void {
    const row = keys.rows.get(presence);
    if (row) row.spanCount += spans;
    else keys.rows.set(presence, { hourStartNs: keys.hourStartNs, serviceName: keys.serviceName, scope: keys.scope, key, spanCount: spans });
  }

  private countValue(values: ValueRows, token: number, key: string, value: AttributeValue, spans: number): void {
    let row = values.rows.get(token);
    if (row === undefined) {
      const shown = listedValue(value);
      // A value that cannot be listed marks the day's list incomplete, as the cap does: a regex
      // search expands a key's listed values only when they are all there (regex-terms.ts).
      row = shown !== null && admits(values.listed, key, token) ? { key, scope: values.scope, dayStartNs: values.dayStartNs, ...shown, spanCount: 0 } : overflowRow(values, key);
      values.rows.set(token, row);
    }
    if (row) row.spanCount += spans;
  }

  /** The listed values per key of one (day, scope) group, remembered across writes. */
  private listedOn(dayScope: string): Map<string, Set<number>> {
    let byKey = this.listed.get(dayScope);
    if (byKey === undefined) {
      if (this.listed.size >= MAX_REMEMBERED_DAYS) this.listed.clear();
      this.listed.set(dayScope, (byKey = new Map()));
    }
    return byKey;
  }
}

/** Whether the value with `token` is (or may become) one of the listed values of `key` that day. */
function admits(listed: Map<string, Set<number>>, key: string, token: number): boolean {
  let seen = listed.get(key);
  if (seen === undefined) listed.set(key, (seen = new Set()));
  if (seen.has(token)) return true;
  if (seen.size >= MAX_VALUES_PER_KEY_DAY) return false;
  seen.add(token);
  return true;
}

/** The one row saying that `key` had more values that day than are listed. */
function overflowRow(values: ValueRows, key: string): AttributeValueRow {
  let row = values.overflow.get(key);
  if (row === undefined) values.overflow.set(key, (row = { key, scope: values.scope, dayStartNs: values.dayStartNs, valueType: OVERFLOW_TYPE, value: "", spanCount: 0 }));
  return row;
}
