import "server-only";
import { readOperations, readServiceOperationCounts, type OperationRow } from "@/lib/store/read/operations";

/** Code-unit order: the same on every database whatever its collation. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct names in code-unit order. */
export function sortedNames(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(compareCodeUnits);
}

/** Every service with an operation stored, sorted. */
export async function serviceNames(): Promise<string[]> {
  return sortedNames((await readServiceOperationCounts()).map((group) => group.serviceName));
}

/** The operations of a service (of one kind when given), by name then kind; none for an unknown service. */
export async function operationsOf(service: string, kind?: number): Promise<OperationRow[]> {
  const rows = await readOperations(service, kind);
  return rows.sort((a, b) => compareCodeUnits(a.spanName, b.spanName) || a.kind - b.kind);
}
