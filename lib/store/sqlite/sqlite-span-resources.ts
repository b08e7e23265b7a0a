import type Database from "better-sqlite3";
import { ResourceIds, resourceRow, type FoundResourceIds, type ResourceKey } from "../span-resources";
import { SPAN_RESOURCE_COLUMN, type SqlValue } from "../table-writes";

export interface SqliteSpanResources {
  /** A copy of a SPANS row with its resource key replaced by the id; inside the write's transaction. */
  bind(row: readonly SqlValue[], found: FoundResourceIds): SqlValue[];
  /** After the transaction committed. */
  remember(found: FoundResourceIds): void;
}

/** span_resources on the writer's connection: each key is looked up or inserted once per writer. */
export function openSqliteSpanResources(db: Database.Database): SqliteSpanResources {
  const ids = new ResourceIds();
  const insert = db.prepare(
    "INSERT INTO span_resources (digest, attributes, scope_name, scope_version) VALUES (?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING",
  );
  const select = db.prepare("SELECT id FROM span_resources WHERE digest = ?").pluck();

  const idOf = (key: ResourceKey, found: FoundResourceIds): number => {
    let id = ids.get(key, found);
    if (id === undefined) {
      const row = resourceRow(key);
      insert.run(row.digest, row.attributesJson, row.scopeName, row.scopeVersion);
      found.set(key, (id = select.get(row.digest) as number));
    }
    return id;
  };

  return {
    bind(row, found) {
      const bound = row.slice();
      bound[SPAN_RESOURCE_COLUMN] = idOf(row[SPAN_RESOURCE_COLUMN] as ResourceKey, found);
      return bound;
    },
    remember: (found) => ids.remember(found),
  };
}
