/** Code-unit order: the same on every database whatever its collation. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct names in code-unit order. */
export function sortedNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(compareCodeUnits);
}
