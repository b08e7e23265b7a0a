import type Database from "better-sqlite3";
import type { Attributes, SpanLink } from "@/lib/domain/span-record";
import { DAY_NS, HOUR_NS } from "../attributes/attribute-counts";
import { ftsToken, type IndexedSpan } from "../attributes/attribute-docs";
import { AttributeIndexer } from "../attributes/attribute-indexer";
import { ATTRIBUTE_KEYS, ATTRIBUTE_VALUES } from "../attributes/attribute-tables";
import type { SqlValue } from "../table-writes";
import { sqliteInsert } from "./sqlite-insert";

/** Documents removed per retention transaction. */
const DOCS_PER_DELETE = 5_000;
/** Distinct resource attribute texts kept parsed: a batch has a few, each shared by many spans. */
const MAX_PARSED_RESOURCES = 1_000;

/**
 * The attribute index of a write computed before it reaches the writer thread (from the
 * span records the collector holds, without parsing their JSON again), as flat rows that
 * clone cheaply. It is right only if every span of the write is new.
 */
export interface PreparedIndex {
  /** [trace id, start, last start, FTS5 token text] per document. */
  docs: Array<[string, bigint, bigint, string]>;
  keys: SqlValue[][];
  values: SqlValue[][];
}

export function prepareIndex(indexer: AttributeIndexer, spans: readonly IndexedSpan[]): PreparedIndex {
  const { docs, keys, values } = indexer.index(spans);
  return {
    docs: docs.map((doc) => [doc.traceId, doc.startTimeNs, doc.lastStartNs, Array.from(doc.tokens, ftsToken).join(" ")]),
    keys: keys.map(ATTRIBUTE_KEYS.values),
    values: values.map(ATTRIBUTE_VALUES.values),
  };
}

export interface SqliteAttributeIndex {
  /** Writes an index prepared from exactly the spans the current transaction stored. */
  addPrepared(index: PreparedIndex): void;
  /** Indexes newly stored spans; call inside the transaction that stored them. */
  add(spans: Iterable<IndexedSpanText>): void;
  /**
   * Removes documents whose spans all started before `cutoffNs`, counts of hours and days
   * wholly before it, and the marks of spans stored before the index (or its link tokens) once they are all gone.
   */
  deleteOlderThan(cutoffNs: bigint): void;
}

/** A stored span with its attributes as the JSON text the spans table holds. */
export interface IndexedSpanText {
  traceId: string;
  serviceName: string;
  startTimeNs: bigint;
  attributesJson: string;
  linksJson: string;
  resourceAttributesJson: string;
}

/** The attribute index's writes on the writer's connection (see the AttributeDoc model). */
export function openSqliteAttributeIndex(db: Database.Database): SqliteAttributeIndex {
  const indexer = new AttributeIndexer();
  const resources = new Map<string, Attributes>();
  const insertDoc = db.prepare("INSERT INTO attribute_docs (trace_id, start_time_ns, last_start_ns) VALUES (?, ?, ?)");
  const insertTokens = db.prepare("INSERT INTO attribute_index (rowid, tokens) VALUES (?, ?)");
  const upsertKey = db.prepare(sqliteInsert(ATTRIBUTE_KEYS));
  const upsertValue = db.prepare(sqliteInsert(ATTRIBUTE_VALUES));
  const oldDocs = db.prepare("SELECT doc_id FROM attribute_docs WHERE last_start_ns < ? LIMIT ?").pluck().safeIntegers(true);
  const deleteTokens = db.prepare("DELETE FROM attribute_index WHERE rowid = ?");
  const deleteDoc = db.prepare("DELETE FROM attribute_docs WHERE doc_id = ?");
  const deleteKeys = db.prepare(`DELETE FROM attribute_keys WHERE hour_start_ns <= ? - ${HOUR_NS}`);
  const deleteValues = db.prepare(`DELETE FROM attribute_values WHERE day_start_ns <= ? - ${DAY_NS}`);
  const closeGaps = ["attribute_index_gaps", "link_index_gaps"].map((table) => db.prepare(`DELETE FROM ${table} WHERE last_unindexed_start_ns < ?`));

  const resource = (json: string) => {
    let attributes = resources.get(json);
    if (attributes === undefined) {
      if (resources.size >= MAX_PARSED_RESOURCES) resources.clear();
      resources.set(json, (attributes = JSON.parse(json) as Attributes));
    }
    return attributes;
  };

  const deleteDocs = db.transaction((ids: readonly bigint[]) => {
    for (const id of ids) {
      deleteTokens.run(id);
      deleteDoc.run(id);
    }
  });

  const addPrepared = ({ docs, keys, values }: PreparedIndex) => {
    for (const [traceId, startTimeNs, lastStartNs, tokens] of docs) {
      const { lastInsertRowid } = insertDoc.run(traceId, startTimeNs, lastStartNs);
      insertTokens.run(lastInsertRowid, tokens);
    }
    for (const row of keys) upsertKey.run(row);
    for (const row of values) upsertValue.run(row);
  };

  return {
    addPrepared,
    add(stored) {
      const spans: IndexedSpan[] = [];
      for (const span of stored) {
        spans.push({
          ...span,
          attributes: JSON.parse(span.attributesJson) as Attributes,
          resourceAttributes: resource(span.resourceAttributesJson),
          links: span.linksJson === "[]" ? [] : (JSON.parse(span.linksJson) as SpanLink[]),
        });
      }
      addPrepared(prepareIndex(indexer, spans));
    },
    deleteOlderThan(cutoffNs) {
      for (let ids = oldDocs.all(cutoffNs, DOCS_PER_DELETE) as bigint[]; ids.length > 0; ids = oldDocs.all(cutoffNs, DOCS_PER_DELETE) as bigint[]) {
        deleteDocs.immediate(ids);
      }
      deleteKeys.run(cutoffNs);
      deleteValues.run(cutoffNs);
      for (const closeGap of closeGaps) closeGap.run(cutoffNs);
    },
  };
}
