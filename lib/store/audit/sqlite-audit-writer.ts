import { SpanKind } from "@/lib/collector/span-record";
import { nowUnixNano } from "@/lib/tracing/clock";
import { withChildSpan } from "@/lib/tracing/child-span";
import { openIngestConnection } from "../sqlite/ingest-connection";
import type { AuditEventRow, AuditWriter, ChainHead, SealEvent } from "./audit-writer";

const COLUMNS: Record<keyof AuditEventRow, string> = {
  seq: "seq",
  timestampNs: "timestamp_ns",
  action: "action",
  severity: "severity",
  resourceType: "resource_type",
  resourceId: "resource_id",
  description: "description",
  userId: "user_id",
  sessionId: "session_id",
  engagementId: "engagement_id",
  ipAddress: "ip_address",
  userAgent: "user_agent",
  before: "before",
  after: "after",
  metadata: "metadata",
  traceId: "trace_id",
  spanId: "span_id",
  prevHash: "prev_hash",
  hash: "hash",
};

const INSERT = `INSERT INTO audit_events (${Object.values(COLUMNS).join(", ")}) VALUES (${Object.keys(COLUMNS)
  .map((field) => `@${field}`)
  .join(", ")})`;

/**
 * Appends on a dedicated better-sqlite3 connection, each in a BEGIN IMMEDIATE
 * transaction: it takes the database's write lock before reading the head, so another
 * process (or the ingest connection) cannot commit in between, and within this process
 * the synchronous transaction cannot interleave with another append.
 */
export function openSqliteAuditWriter(filename: string): AuditWriter {
  const db = openIngestConnection(filename);
  const readHead = db.prepare("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  const insert = db.prepare(INSERT);
  const append = db.transaction((seal: SealEvent) => {
    const row = seal((readHead.get() as ChainHead | undefined) ?? null, nowUnixNano());
    insert.run(row);
    return row;
  });
  return {
    append: (seal) =>
      withChildSpan(
        "append audit_events",
        { kind: SpanKind.CLIENT, attributes: { "db.system.name": "sqlite", "db.operation.name": "append", "db.collection.name": "audit_events" } },
        async () => append.immediate(seal),
      ),
    close: async () => void db.close(),
  };
}
