/** Sorting a table by one column, as the URL states it (`sort=p95&dir=asc`). Pure. */

export type SortDirection = "asc" | "desc";

export interface SortState<K extends string> {
  key: K;
  dir: SortDirection;
}

/** The sort the URL asks for, or `fallback` when the key is not one of `keys`. */
export function parseSort<K extends string>(key: string | null, dir: string | null, keys: readonly K[], fallback: SortState<K>): SortState<K> {
  const known = keys.find((candidate) => candidate === key);
  if (!known) return fallback;
  return { key: known, dir: dir === "asc" ? "asc" : dir === "desc" ? "desc" : fallback.dir };
}

/** A clicked header: the same column flips direction, another starts descending (biggest first). */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: "desc" };
}

/** A sorted copy; numbers numerically, strings by locale, null always last, ties in input order. */
export function sortRows<T, K extends string>(rows: readonly T[], sort: SortState<K>, value: (row: T, key: K) => number | string | null): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === "number" && typeof b.value === "number" ? a.value - b.value : String(a.value).localeCompare(String(b.value));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}
