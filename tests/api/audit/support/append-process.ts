// A separate process appending to an SQLite audit chain (run with tsx by sqlite-processes.test.ts):
// `tsx append-process.ts <database file> <count> <label> <start at, unix ms>`: waits for the
// start time (so the processes overlap despite tsx's start-up), then appends one event per millisecond or so.
import { setTimeout as sleep } from "node:timers/promises";
import { toAuditEventRow } from "@/lib/audit/audit-row";
import { chainHash, GENESIS_HASH, type HashedAuditEvent } from "@/lib/audit/chain-hash";
import { openSqliteAuditWriter } from "@/lib/store/audit/sqlite-audit-writer";

async function main(filename: string, count: number, label: string, startAt: number): Promise<void> {
  const writer = openSqliteAuditWriter(filename);
  await sleep(Math.max(0, startAt - Date.now()));
  for (let i = 0; i < count; i += 1) {
    await sleep(1);
    await writer.append((head, timestampNs) => {
    const event: HashedAuditEvent = {
      seq: (head?.seq ?? 0) + 1,
      timestampUnixNano: timestampNs.toString(),
      action: "create",
      severity: "info",
      resourceType: "process",
      resourceId: `${label}-${i}`,
      description: null,
      userId: label,
      sessionId: null,
      engagementId: null,
      ipAddress: null,
      userAgent: null,
      before: null,
      after: null,
      metadata: { pid: process.pid },
      traceId: null,
      spanId: null,
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    return toAuditEventRow({ ...event, prevHash, hash: chainHash(prevHash, event) });
    });
  }
  await writer.close();
}

const [filename, count, label, startAt] = process.argv.slice(2);
void main(filename, Number(count), label, Number(startAt));
