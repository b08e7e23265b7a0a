import { OPERATION_REFRESH_NS } from "./table-writes";
import type { OperationSeen } from "./trace-summary";

/** Past this many the memory starts afresh, so span names carrying ids cannot grow it without bound. */
const MAX_REMEMBERED = 10_000;

const keyOf = (operation: OperationSeen) => `${operation.serviceName}\0${operation.spanName}\0${operation.kind}`;

/**
 * The operations this process has committed, with the last_seen_ns it wrote. The
 * stored value is at least that, so an operation seen again within the refresh window
 * would be a no-op upsert (its WHERE clause) and is not sent at all: steady traffic
 * writes no operation rows.
 */
export class RecentOperations {
  private readonly written = new Map<string, bigint>();

  /** The operations of a batch that may change a row. */
  toWrite(operations: readonly OperationSeen[]): OperationSeen[] {
    return operations.filter((operation) => {
      const written = this.written.get(keyOf(operation));
      return written === undefined || operation.lastSeenNs > written + OPERATION_REFRESH_NS;
    });
  }

  /** Call once the transaction that wrote `operations` has committed. */
  remember(operations: readonly OperationSeen[]): void {
    if (this.written.size + operations.length > MAX_REMEMBERED) this.written.clear();
    for (const operation of operations) this.written.set(keyOf(operation), operation.lastSeenNs);
  }

  /** After retention deleted operation rows, the memory no longer proves they exist. */
  forget(): void {
    this.written.clear();
  }
}
