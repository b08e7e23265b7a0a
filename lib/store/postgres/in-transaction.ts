import type pg from "pg";

/** Deadlock and serialization failures: PostgreSQL rolled the transaction back, so running it again is safe. */
const RETRYABLE_CODES = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 3;

function isRetryable(error: unknown): boolean {
  return typeof error === "object" && error !== null && RETRYABLE_CODES.has((error as { code?: string }).code ?? "");
}

/** Runs `work` in one transaction on a pooled client, again (up to 3 times) when PostgreSQL aborted it as a deadlock victim. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      if (attempt < MAX_ATTEMPTS && isRetryable(error)) continue;
      throw error;
    } finally {
      // A client whose ROLLBACK failed is in an unknown state: release(error) discards it.
      client.release(broken);
    }
  }
}
