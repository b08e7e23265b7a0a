import type { SqlDialect } from "./table-writes";

export type SqlParam = string | number | bigint;

/** Collects bound values while SQL is assembled; `add` returns the dialect's placeholder (`?` in text order, or `$n`). */
export class SqlParams {
  readonly values: SqlParam[] = [];
  constructor(readonly dialect: SqlDialect) {}

  add(value: SqlParam): string {
    this.values.push(value);
    return this.dialect === "sqlite" ? "?" : `$${this.values.length}`;
  }
}
