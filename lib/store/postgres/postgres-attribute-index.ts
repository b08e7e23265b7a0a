import type pg from "pg";
import { DAY_NS, HOUR_NS } from "../attributes/attribute-counts";
import type { IndexedSpan } from "../attributes/attribute-docs";
import { AttributeIndexer } from "../attributes/attribute-indexer";
import { ATTRIBUTE_KEYS, ATTRIBUTE_VALUES, byPrimaryKey } from "../attributes/attribute-tables";
import { postgresColumns, postgresInsert } from "./postgres-insert";
import { dropDocPartitionsBefore } from "./postgres-partitions";

/** Each document's tokens travel as array text (`{1,2}`): unnest would flatten a two-dimensional array. */
const INSERT_DOCS = `INSERT INTO attribute_docs (trace_id, start_time_ns, last_start_ns, tokens)
  SELECT trace_id, start_time_ns, last_start_ns, tokens::bigint[]
  FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[]) AS d(trace_id, start_time_ns, last_start_ns, tokens)`;
const UPSERT_KEYS = postgresInsert(ATTRIBUTE_KEYS);
const UPSERT_VALUES = postgresInsert(ATTRIBUTE_VALUES);
/** After whole partitions were dropped: the documents of the day straddling the cutoff, and strays in the DEFAULT partition. */
const DELETE_OLD_DOCS = `DELETE FROM attribute_docs WHERE last_start_ns < $1 AND (doc_id, last_start_ns) IN
  (SELECT doc_id, last_start_ns FROM attribute_docs WHERE last_start_ns < $1 LIMIT $2)`;
const DELETE_OLD_KEYS = `DELETE FROM attribute_keys WHERE hour_start_ns <= $1::bigint - ${HOUR_NS}`;
const DELETE_OLD_VALUES = `DELETE FROM attribute_values WHERE day_start_ns <= $1::bigint - ${DAY_NS}`;
const CLOSE_GAPS = ["attribute_index_gaps", "link_index_gaps"].map((table) => `DELETE FROM ${table} WHERE last_unindexed_start_ns < $1`);
const DOCS_PER_DELETE = 5_000;

const keyOrder = byPrimaryKey(ATTRIBUTE_KEYS, 4);
const valueOrder = byPrimaryKey(ATTRIBUTE_VALUES, 5);

export interface PostgresAttributeIndex {
  /** Indexes newly stored spans inside the transaction that stored them. */
  add(client: pg.PoolClient, spans: readonly IndexedSpan[]): Promise<void>;
  /**
   * Removes documents whose spans all started before `cutoffNs`, counts of hours and days
   * wholly before it, and the marks of spans stored before the index (or its link tokens) once they are all gone.
   */
  deleteOlderThan(pool: pg.Pool, cutoffNs: bigint): Promise<void>;
}

/** The attribute index's writes in PostgreSQL (see the AttributeDoc model). */
export function postgresAttributeIndex(): PostgresAttributeIndex {
  const indexer = new AttributeIndexer();
  return {
    async add(client, spans) {
      const { docs, keys, values } = indexer.index(spans);
      await client.query(INSERT_DOCS, [
        docs.map((doc) => doc.traceId),
        docs.map((doc) => doc.startTimeNs.toString()),
        docs.map((doc) => doc.lastStartNs.toString()),
        docs.map((doc) => `{${[...doc.tokens].join(",")}}`),
      ]);
      await client.query(UPSERT_KEYS, postgresColumns(ATTRIBUTE_KEYS, keys.sort(keyOrder)));
      await client.query(UPSERT_VALUES, postgresColumns(ATTRIBUTE_VALUES, values.sort(valueOrder)));
    },
    async deleteOlderThan(pool, cutoffNs) {
      const cutoff = cutoffNs.toString();
      await dropDocPartitionsBefore(pool, cutoffNs);
      while (((await pool.query(DELETE_OLD_DOCS, [cutoff, DOCS_PER_DELETE])).rowCount ?? 0) > 0);
      await pool.query(DELETE_OLD_KEYS, [cutoff]);
      await pool.query(DELETE_OLD_VALUES, [cutoff]);
      for (const closeGap of CLOSE_GAPS) await pool.query(closeGap, [cutoff]);
    },
  };
}
