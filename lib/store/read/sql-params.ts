import type { SqlDialect } from "../table-writes";

/** Bound parameters of one raw query, with the dialect's placeholders (`?` or `$n`). */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(readonly dialect: SqlDialect) {}

  /** The placeholder of a new parameter holding `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return this.dialect === "sqlite" ? "?" : `$${this.values.length}`;
  }
}
