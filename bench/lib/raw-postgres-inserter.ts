// The raw PostgreSQL baseline of the ingest benchmark (BENCH_DATABASE=postgresql): the
// same span records inserted into the spans table of a freshly migrated database with
// the statement shape the store uses (`INSERT ... SELECT * FROM unnest($1::text[], ...)`,
// lib/store/postgres/postgres-insert.ts) but no conflict clause, a fixed number of rows
// per transaction, on as many connections as the store's write pool, so the database
// gets the same parallelism from both. No summaries, no HTTP, no parsing: what
// PostgreSQL itself costs.
import pg from "pg";
import type { SpanRecord } from "@/lib/domain/span-record";
import { postgresColumns, postgresInsert } from "@/lib/store/postgres/postgres-insert";
import { postgresSpanResources } from "@/lib/store/postgres/postgres-span-resources";
import type { FoundResourceIds } from "@/lib/store/span-resources";
import { SPANS } from "@/lib/store/table-writes";

const INSERT = postgresInsert({ ...SPANS, onConflict: () => "" });
/** The store's write pool (lib/store/postgres/postgres-span-store.ts, POOL_SIZE). */
const CONNECTIONS = 4;

export class RawPostgresInserter {
  rows = 0;
  seconds = 0;
  // Rows name their resource by key; the schema stores its id, found as the store finds it.
  private readonly resources = postgresSpanResources();
  private readonly found: FoundResourceIds = new Map();

  private constructor(
    private readonly clients: pg.Client[],
    private readonly transactionSize: number,
  ) {}

  static async open(url: string, transactionSize: number): Promise<RawPostgresInserter> {
    const clients = Array.from({ length: CONNECTIONS }, () => new pg.Client({ connectionString: url }));
    await Promise.all(clients.map((client) => client.connect()));
    return new RawPostgresInserter(clients, transactionSize);
  }

  private async insert(client: pg.Client, columns: unknown[][]): Promise<void> {
    await client.query("BEGIN");
    await this.resources.bind(client, columns, this.found);
    await client.query(INSERT, columns);
    await client.query("COMMIT");
  }

  private chunksOf(spans: readonly SpanRecord[]): SpanRecord[][] {
    const chunks: SpanRecord[][] = [];
    for (let offset = 0; offset < spans.length; offset += this.transactionSize) chunks.push(spans.slice(offset, offset + this.transactionSize));
    return chunks;
  }

  /** One transaction per item, dealt out to the connections, each working through its share in turn. */
  private async insertAll<T>(items: readonly T[], columnsOf: (item: T) => unknown[][]): Promise<void> {
    let next = 0;
    const work = async (client: pg.Client) => {
      while (next < items.length) await this.insert(client, columnsOf(items[next++]));
    };
    await Promise.all(this.clients.map(work));
  }

  private async timed(rows: number, insert: () => Promise<void>): Promise<void> {
    const started = performance.now();
    await insert();
    this.seconds += (performance.now() - started) / 1000;
    this.rows += rows;
  }

  /** Timed: turning the records into column arrays (JSON serialization included) and inserting them. */
  writeRecords(spans: readonly SpanRecord[]): Promise<void> {
    return this.timed(spans.length, () => this.insertAll(this.chunksOf(spans), (chunk) => postgresColumns(SPANS, chunk)));
  }

  /** Timed: inserting column arrays prepared beforehand (pure insert). */
  writePrepared(spans: readonly SpanRecord[]): Promise<void> {
    const prepared = this.chunksOf(spans).map((chunk) => postgresColumns(SPANS, chunk));
    return this.timed(spans.length, () => this.insertAll(prepared, (columns) => columns));
  }

  rate(): number {
    return this.rows / this.seconds;
  }

  async countRows(): Promise<number> {
    const { rows } = await this.clients[0].query<{ n: string }>("SELECT count(*) AS n FROM spans");
    return Number(rows[0].n);
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.end()));
  }
}
