import "server-only";
import { nowUnixNano } from "@/lib/domain/clock";
import { NS_PER_HOUR } from "@/lib/domain/time-units";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { getSpanStore } from "@/lib/store/span-store";

/**
 * Partitions are made for today and the next two days: spans arriving on a day find its
 * partition waiting (none lands in the DEFAULT partition to be moved later), even after a
 * server was down over a weekend's first day, and a clock a little ahead is covered too.
 */
const AHEAD_NS = 48n * NS_PER_HOUR;

/**
 * Makes sure the store has its time partitions (PostgreSQL) for today and the next two
 * days; resolves to the number created (0 on SQLite, which has none).
 */
export async function preparePartitions(nowNs = nowUnixNano()): Promise<number> {
  // Not even opened on SQLite: its store starts a writer thread, which a server makes on first use.
  if (resolveDatabaseTarget().provider !== "postgresql") return 0;
  return (await getSpanStore().preparePartitions?.(nowNs, nowNs + AHEAD_NS + 1n)) ?? 0;
}
