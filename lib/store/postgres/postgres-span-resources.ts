import type pg from "pg";
import { ResourceIds, resourceRow, type FoundResourceIds, type ResourceKey } from "../span-resources";
import { SPAN_RESOURCE_COLUMN } from "../table-writes";

const INSERT_RESOURCES = `INSERT INTO span_resources (digest, attributes, scope_name, scope_version)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (digest) DO NOTHING`;
/** A statement of its own: it must see rows that another instance committed while the insert waited on them. */
const SELECT_RESOURCES = "SELECT id, digest FROM span_resources WHERE digest = ANY($1::text[])";

export interface PostgresSpanResources {
  /** Replaces the resource keys in SPANS columns (postgresColumns) by their ids, inside the write's transaction. */
  bind(client: pg.ClientBase, columns: unknown[][], found: FoundResourceIds): Promise<void>;
  /** After the transaction committed. */
  remember(found: FoundResourceIds): void;
}

export function postgresSpanResources(): PostgresSpanResources {
  const ids = new ResourceIds();
  return {
    async bind(client, columns, found) {
      const keys = columns[SPAN_RESOURCE_COLUMN] as ResourceKey[];
      const missing = [...new Set(keys.filter((key) => ids.get(key, found) === undefined))];
      if (missing.length > 0) {
        // Digest order, so concurrent writers adding the same new pairs wait instead of deadlocking.
        const rows = missing.map((key) => ({ key, ...resourceRow(key) })).sort((a, b) => (a.digest < b.digest ? -1 : 1));
        await client.query(INSERT_RESOURCES, [
          rows.map((row) => row.digest),
          rows.map((row) => row.attributesJson),
          rows.map((row) => row.scopeName),
          rows.map((row) => row.scopeVersion),
        ]);
        const stored = await client.query<{ id: number; digest: string }>(SELECT_RESOURCES, [rows.map((row) => row.digest)]);
        const byDigest = new Map(stored.rows.map((row) => [row.digest, row.id]));
        for (const row of rows) found.set(row.key, byDigest.get(row.digest)!);
      }
      columns[SPAN_RESOURCE_COLUMN] = keys.map((key) => ids.get(key, found)!);
    },
    remember: (found) => ids.remember(found),
  };
}
