// The raw PostgreSQL baseline of the ingest benchmark (BENCH_DATABASE=postgresql): the
// same span records inserted into the spans table of a freshly migrated database with
// the statement shape the store uses (`INSERT ... SELECT * FROM unnest($1::text[], ...)`,
// lib/store/postgres/postgres-insert.ts) but no conflict clause, a fixed number of rows
// per transaction. No summaries, no HTTP, no parsing: what PostgreSQL itself costs.
import pg from "pg";
import type { SpanRecord } from "@/lib/domain/span-record";
import { postgresColumns, postgresInsert } from "@/lib/store/postgres/postgres-insert";
import { SPANS } from "@/lib/store/table-writes";

const INSERT = postgresInsert({ ...SPANS, onConflict: () => "" });

export class RawPostgresInserter {
  private readonly client: pg.Client;
  rows = 0;
  seconds = 0;

  private constructor(
    client: pg.Client,
    private readonly transactionSize: number,
  ) {
    this.client = client;
  }

  static async open(url: string, transactionSize: number): Promise<RawPostgresInserter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new RawPostgresInserter(client, transactionSize);
  }

  private async insert(columns: unknown[][]): Promise<void> {
    await this.client.query("BEGIN");
    await this.client.query(INSERT, columns);
    await this.client.query("COMMIT");
  }

  /** Timed: turning the records into column arrays (JSON serialization included) and inserting them. */
  async writeRecords(spans: readonly SpanRecord[]): Promise<void> {
    const started = performance.now();
    for (let offset = 0; offset < spans.length; offset += this.transactionSize) {
      await this.insert(postgresColumns(SPANS, spans.slice(offset, offset + this.transactionSize)));
    }
    this.seconds += (performance.now() - started) / 1000;
    this.rows += spans.length;
  }

  /** Timed: inserting column arrays prepared beforehand (pure insert). */
  async writePrepared(spans: readonly SpanRecord[]): Promise<void> {
    const prepared: unknown[][][] = [];
    for (let offset = 0; offset < spans.length; offset += this.transactionSize) {
      prepared.push(postgresColumns(SPANS, spans.slice(offset, offset + this.transactionSize)));
    }
    const started = performance.now();
    for (const columns of prepared) await this.insert(columns);
    this.seconds += (performance.now() - started) / 1000;
    this.rows += spans.length;
  }

  rate(): number {
    return this.rows / this.seconds;
  }

  async countRows(): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>("SELECT count(*) AS n FROM spans");
    return Number(rows[0].n);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
