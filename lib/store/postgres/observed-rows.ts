import "server-only";
import type pg from "pg";
import { runObservedSelect } from "../query-observer";

/**
 * Rows of one SELECT on `table` as arrays, straight from the pg driver, reported to the
 * query observer as Prisma's queries are. For reads of many rows, where Prisma's
 * conversion of every cell, or a JSON aggregate built to avoid it, costs most of the time.
 */
export async function selectRows<Row extends unknown[]>(pool: pg.Pool, table: string, text: string, values: unknown[]): Promise<Row[]> {
  const { rows } = await runObservedSelect("postgresql", table, () => pool.query<Row>({ text, values, rowMode: "array" }));
  return rows;
}
