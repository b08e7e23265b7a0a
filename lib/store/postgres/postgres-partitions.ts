import type pg from "pg";
import { StatusCode } from "@/lib/domain/span-record";
import { DAY_NS, floorTo } from "../attributes/attribute-counts";
import { ROLLUP_BUCKET_NS } from "../rollups/rollup-bucket";
import type { DeleteResult } from "../span-store-contract";
import { inTransaction } from "./in-transaction";

// spans and attribute_docs, the tables that grow with every span, are partitioned by time
// (migration 20261207180000_postgres_partitions): a partition per UTC day, and a DEFAULT
// partition for the rows no day partition takes (a late span from before the oldest one, a
// clock years ahead), so an insert never fails for want of a partition. Retention drops the
// partitions wholly before its cutoff instead of deleting their rows; the app creates the
// coming days' partitions ahead of time.
//
// Why a day: retention is counted in hours (default a week), so about 11 partitions a table
// hold a week (with the two days ahead and the DEFAULT one), and everything before the
// cutoff but the day straddling it goes by dropping files: a day of 75,000 spans dropped in
// 0.7 s where deleting its rows took 3.5 s (summaries included). Lookups by trace id (trace
// detail, span conditions of a search) cannot be pruned by time and probe every partition's
// index: with days a dozen probes, with hours some 170 at the default retention. A retention
// run every 10 minutes still deletes the straddling day's rows as its cutoff moves through
// it; a day goes whole once the cutoff passes its end, so what is dropped whole is what a
// pause, a lowered retention or a cleanup call left behind, and the last minutes of each day.
//
// Which tables: spans and attribute_docs are written once and removed by time, so a day of
// them can go as a file. traces and trace_services stay whole: they are upserted by trace id
// and their start moves earlier when an earlier span arrives, while a partitioned table's key
// must hold the partition key and ON CONFLICT DO UPDATE cannot move a row to another
// partition; they hold a row per trace (about a twentieth of the spans), which retention
// still deletes. The roll-up tables, attribute_keys/values and operations hold a row per
// 5-minute bucket, hour or day and name: too small to be worth it.

/** The partitioned tables and the column each is partitioned by (the one its retention compares with the cutoff). */
export const PARTITIONED_TABLES = [
  { table: "spans", column: "start_time_ns" },
  { table: "attribute_docs", column: "last_start_ns" },
] as const;

export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

/** A day partition: rows with `fromNs` <= column < `toNs`. */
export interface DayPartition {
  name: string;
  fromNs: bigint;
  toNs: bigint;
}

interface Partitions {
  days: DayPartition[];
  /** The DEFAULT partition's name, null when the table has none. */
  defaultName: string | null;
}

/**
 * pg_advisory_xact_lock key of partition maintenance: creating and dropping partitions, so
 * several app instances never race for the same one (the loser would fail on a name or an
 * overlap). Roll-up keys are 73_020_114 and 73_020_115.
 */
const PARTITION_LOCK_KEY = 73_020_116;

const LIST_PARTITIONS = `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass`;
const RANGE_BOUND = /^FOR VALUES FROM \('?(-?\d+)'?\) TO \('?(-?\d+)'?\)$/;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `spans_p20261207`: the table and the partition's UTC day. */
export function dayPartitionName(table: string, dayStartNs: bigint): string {
  return `${table}_p${new Date(Number(dayStartNs / 1_000_000n)).toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/** The day partitions of `table`, oldest first, and its DEFAULT partition. */
export async function listPartitions(client: pg.ClientBase, table: string): Promise<Partitions> {
  const { rows } = await client.query<{ name: string; bound: string }>(LIST_PARTITIONS, [table]);
  const days: DayPartition[] = [];
  let defaultName: string | null = null;
  for (const { name, bound } of rows) {
    if (bound === "DEFAULT") defaultName = name;
    const range = RANGE_BOUND.exec(bound);
    if (range) days.push({ name, fromNs: BigInt(range[1]), toNs: BigInt(range[2]) });
  }
  return { days: days.sort((a, b) => (a.fromNs < b.fromNs ? -1 : 1)), defaultName };
}

/**
 * In an open transaction: the day partitions of `table` for [fromNs, toNs) that are missing,
 * created and attached. Rows of a new day already in the DEFAULT partition (spans that came
 * before their day's partition) move into it first, since attaching checks that the DEFAULT
 * partition holds none. Attaching takes a SHARE UPDATE EXCLUSIVE lock on the table, which
 * writes and reads pass, and an exclusive one on the DEFAULT partition while it is checked
 * (it holds only strays, so that is quick).
 */
async function createDays({ table, column }: PartitionedTable, client: pg.PoolClient, fromNs: bigint, toNs: bigint): Promise<string[]> {
  const { days, defaultName } = await listPartitions(client, table);
  const created: string[] = [];
  for (let day = floorTo(fromNs, DAY_NS); day < toNs; day += DAY_NS) {
    if (days.some((partition) => partition.fromNs < day + DAY_NS && day < partition.toNs)) continue;
    const name = dayPartitionName(table, day);
    const range = `${column} >= ${day} AND ${column} < ${day + DAY_NS}`;
    if (defaultName) await client.query(`LOCK TABLE ${quoted(defaultName)} IN ACCESS EXCLUSIVE MODE`);
    await client.query(`CREATE TABLE ${quoted(name)} (LIKE ${quoted(table)} INCLUDING ALL EXCLUDING INDEXES)`);
    // Straight from partition to partition: no statement trigger of the parent fires, and
    // the spans (so their roll-ups) stay the same.
    if (defaultName) {
      await client.query(`WITH moved AS (DELETE FROM ${quoted(defaultName)} WHERE ${range} RETURNING *) INSERT INTO ${quoted(name)} SELECT * FROM moved`);
    }
    await client.query(`ALTER TABLE ${quoted(table)} ATTACH PARTITION ${quoted(name)} FOR VALUES FROM (${day}) TO (${day + DAY_NS})`);
    created.push(name);
  }
  return created;
}

/**
 * Makes sure every partitioned table has a day partition for each UTC day overlapping
 * [fromNs, toNs); resolves to the partitions created. Safe to run from several instances
 * at once: they take turns on an advisory lock, and the later ones find the days made.
 */
export async function createDayPartitions(pool: pg.Pool, fromNs: bigint, toNs: bigint): Promise<string[]> {
  const created: string[] = [];
  for (const table of PARTITIONED_TABLES) {
    created.push(
      ...(await inTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [PARTITION_LOCK_KEY]);
        return createDays(table, client, fromNs, toNs);
      })),
    );
  }
  return created;
}

/** Day partitions of `table` wholly before `cutoffNs`, oldest first. */
async function daysBefore(pool: pg.Pool, table: string, cutoffNs: bigint): Promise<DayPartition[]> {
  const client = await pool.connect();
  try {
    return (await listPartitions(client, table)).days.filter((partition) => partition.toNs <= cutoffNs);
  } finally {
    client.release();
  }
}

/**
 * In an open transaction: locks `table` against every other use and resolves to whether
 * `partition` is still one of its partitions (an instance that waited for the lock may find
 * another dropped it meanwhile). Dropping a partition needs this lock anyway (a partitioned
 * table with a DEFAULT partition cannot detach one concurrently); taking it first, before any
 * row lock, means no writer can hold something this transaction waits for later.
 */
async function lockForDrop(client: pg.PoolClient, table: string, partition: DayPartition): Promise<boolean> {
  await client.query("SELECT pg_advisory_xact_lock($1)", [PARTITION_LOCK_KEY]);
  await client.query(`LOCK TABLE ${quoted(table)} IN ACCESS EXCLUSIVE MODE`);
  const { rows } = await client.query(`SELECT 1 FROM pg_inherits WHERE inhrelid = to_regclass($1) AND inhparent = $2::regclass`, [
    quoted(partition.name),
    table,
  ]);
  return rows.length > 0;
}

/** The partition's span and error counts per (trace, service), and per trace. */
const COUNT_DROPPED = (partition: string) => [
  `CREATE TEMP TABLE dropped_spans ON COMMIT DROP AS
    SELECT trace_id, service_name, count(*)::int AS span_count, (count(*) FILTER (WHERE status_code = ${StatusCode.ERROR}))::int AS error_count
    FROM ${partition} GROUP BY trace_id, service_name`,
  `CREATE TEMP TABLE dropped_traces ON COMMIT DROP AS
    SELECT trace_id, sum(span_count)::int AS span_count, sum(error_count)::int AS error_count FROM dropped_spans GROUP BY trace_id`,
  "ANALYZE dropped_spans, dropped_traces",
];

/**
 * The roll-up change counters the delete trigger would have bumped had the partition's rows
 * been deleted (DROP fires no trigger): every bucket of the partition's day, and the buckets
 * of the partition's spans' parents and Zipkin counterparts outside it. Those can only be in
 * traces with spans outside the partition (span_count above the partition's share), so only
 * their spans are looked up. Counters continue from a bucket's state as the trigger's do.
 */
const BUMP_ROLLUP_COUNTERS = (partition: string) => `WITH straddling AS (SELECT r.trace_id, r.span_id, r.parent_span_id FROM ${partition} r
    WHERE r.trace_id IN (SELECT d.trace_id FROM dropped_traces d JOIN traces t ON t.trace_id = d.trace_id WHERE t.span_count > d.span_count)),
  buckets AS (
    SELECT bucket_start_ns AS bucket FROM rollup_changes WHERE bucket_start_ns >= $1 AND bucket_start_ns < $2
    UNION
    SELECT s.start_time_ns / ${ROLLUP_BUCKET_NS} * ${ROLLUP_BUCKET_NS} FROM straddling r JOIN spans s ON s.trace_id = r.trace_id AND s.span_id = r.span_id
    UNION
    SELECT s.start_time_ns / ${ROLLUP_BUCKET_NS} * ${ROLLUP_BUCKET_NS} FROM straddling r JOIN spans s ON s.trace_id = r.trace_id AND s.span_id = r.parent_span_id)
  INSERT INTO rollup_changes (bucket_start_ns, changes)
  SELECT b.bucket, 1 + COALESCE(s.version, 0) FROM buckets b LEFT JOIN rollup_states s ON s.bucket_start_ns = b.bucket
  ORDER BY b.bucket
  ON CONFLICT (bucket_start_ns) DO UPDATE SET changes = rollup_changes.changes + 1`;

/**
 * The summaries lose the dropped spans' counts, traces before trace_services as writers lock
 * them: the rows left with none are deleted, the others counted down. Deleting first, by key
 * and count, keeps the planner on the key: `span_count <= 0` after the update looked like
 * one row to it, and a full day of trace_services took 3.7 s in a nested loop.
 */
const DELETE_EMPTIED_TRACES = `DELETE FROM traces AS t USING dropped_traces AS d WHERE t.trace_id = d.trace_id AND t.span_count <= d.span_count`;
const UNCOUNT_TRACES = `UPDATE traces AS t SET span_count = t.span_count - d.span_count, error_count = t.error_count - d.error_count
  FROM dropped_traces AS d WHERE t.trace_id = d.trace_id`;
const DELETE_EMPTIED_TRACE_SERVICES = `DELETE FROM trace_services AS s USING dropped_spans AS d
  WHERE s.trace_id = d.trace_id AND s.service_name = d.service_name AND s.span_count <= d.span_count`;
const UNCOUNT_TRACE_SERVICES = `UPDATE trace_services AS s SET span_count = s.span_count - d.span_count, error_count = s.error_count - d.error_count
  FROM dropped_spans AS d WHERE s.trace_id = d.trace_id AND s.service_name = d.service_name`;
const DROPPED_SPANS = "SELECT coalesce(sum(span_count), 0)::bigint AS spans FROM dropped_traces";

/**
 * In one transaction: drops a spans partition, and does to the summaries and roll-up
 * counters what deleting its rows would have done (as the row-deleting retention in
 * postgres-span-store.ts does), so every reader sees the spans and their summaries go at
 * once. Work grows with the partition's traces, not its spans' index entries.
 */
async function dropSpansPartition(pool: pg.Pool, partition: DayPartition): Promise<DeleteResult> {
  return inTransaction(pool, async (client) => {
    if (!(await lockForDrop(client, "spans", partition))) return { spans: 0, traces: 0 };
    const name = quoted(partition.name);
    for (const statement of COUNT_DROPPED(name)) await client.query(statement);
    await client.query(BUMP_ROLLUP_COUNTERS(name), [partition.fromNs.toString(), partition.toNs.toString()]);
    const emptied = await client.query(DELETE_EMPTIED_TRACES);
    await client.query(UNCOUNT_TRACES);
    await client.query(DELETE_EMPTIED_TRACE_SERVICES);
    await client.query(UNCOUNT_TRACE_SERVICES);
    const { rows } = await client.query<{ spans: string }>(DROPPED_SPANS);
    await client.query(`DROP TABLE ${name}`);
    return { spans: Number(rows[0].spans), traces: emptied.rowCount ?? 0 };
  });
}

/** Drops the spans partitions wholly before `cutoffNs` (see dropSpansPartition); resolves to what they held. */
export async function dropSpansPartitionsBefore(pool: pg.Pool, cutoffNs: bigint): Promise<DeleteResult> {
  const total: DeleteResult = { spans: 0, traces: 0 };
  for (const partition of await daysBefore(pool, "spans", cutoffNs)) {
    const dropped = await dropSpansPartition(pool, partition);
    total.spans += dropped.spans;
    total.traces += dropped.traces;
  }
  return total;
}

/** Drops the attribute_docs partitions wholly before `cutoffNs`: every document in them was last written before it. */
export async function dropDocPartitionsBefore(pool: pg.Pool, cutoffNs: bigint): Promise<number> {
  let dropped = 0;
  for (const partition of await daysBefore(pool, "attribute_docs", cutoffNs)) {
    await inTransaction(pool, async (client) => {
      if (!(await lockForDrop(client, "attribute_docs", partition))) return;
      await client.query(`DROP TABLE ${quoted(partition.name)}`);
      dropped += 1;
    });
  }
  return dropped;
}
