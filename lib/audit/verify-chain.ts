import "server-only";
import { readChainPage } from "@/lib/store/audit/audit-reads";
import type { AuditEventRow } from "@/lib/store/audit/audit-writer";
import { toAuditEvent } from "./audit-row";
import { chainHash, GENESIS_HASH } from "./chain-hash";

/** Events read per query while walking the chain (memory stays bounded by one page). */
export const VERIFY_PAGE_SIZE = 1_000;
/** Broken events listed in the answer at most; all of them are counted. */
export const MAX_LISTED_BREAKS = 100;

export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainVerification {
  valid: boolean;
  /** Events read: the whole chain, broken ones included. */
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  brokenCount: number;
  /** The first MAX_LISTED_BREAKS breaks, in seq order. */
  broken: ChainBreak[];
  /** Every event up to this seq verifies (null: not even seq 1). */
  verifiedThroughSeq: number | null;
  /** The chain's last stored event, to compare with a copy kept elsewhere (a deleted tail leaves a valid chain). */
  lastSeq: number | null;
  lastHash: string | null;
}

interface Link {
  seq: number;
  hash: string;
}

/**
 * Why `row` does not follow `previous`, one break per cause. After a gap the link to
 * the missing event cannot be checked, so only the row's own hash is.
 */
function breaksAt(row: AuditEventRow, previous: Link | null): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  const expectedSeq = (previous?.seq ?? 0) + 1;
  const afterGap = row.seq !== expectedSeq;
  if (afterGap) {
    const range = row.seq - 1 > expectedSeq ? `seqs ${expectedSeq}..${row.seq - 1} are` : `seq ${expectedSeq} is`;
    breaks.push({ seq: expectedSeq, reason: `missing: ${range} gone, the next event is seq ${row.seq}` });
  } else if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    breaks.push({ seq: row.seq, reason: "prevHash mismatch: it is not the previous event's hash" });
  }
  let hash: string | null = null;
  try {
    hash = chainHash(row.prevHash, toAuditEvent(row));
  } catch {
    breaks.push({ seq: row.seq, reason: "unreadable: a JSON field does not parse" });
  }
  if (hash !== null && hash !== row.hash) breaks.push({ seq: row.seq, reason: "hash mismatch: the event or its hash was changed" });
  return breaks;
}

/**
 * Walks the whole chain from seq 1 in pages, recomputing each hash, and reports every
 * broken event, not only the first: one bad row must not hide a later tamper. Each
 * row is checked against the stored row before it, so an edited event breaks itself
 * and a consistently rewritten one breaks its successor's link.
 */
export async function verifyAuditChain(pageSize = VERIFY_PAGE_SIZE): Promise<ChainVerification> {
  let previous: Link | null = null;
  let checked = 0;
  let brokenCount = 0;
  const broken: ChainBreak[] = [];
  let verifiedThroughSeq: number | null = null;
  for (;;) {
    const rows = await readChainPage(previous?.seq ?? 0, pageSize);
    for (const row of rows) {
      const breaks = breaksAt(row, previous);
      brokenCount += breaks.length;
      broken.push(...breaks.slice(0, MAX_LISTED_BREAKS - broken.length));
      if (brokenCount === 0) verifiedThroughSeq = row.seq;
      previous = { seq: row.seq, hash: row.hash };
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  return {
    valid: brokenCount === 0,
    checked,
    firstBrokenSeq: broken[0]?.seq ?? null,
    reason: broken[0]?.reason ?? null,
    brokenCount,
    broken,
    verifiedThroughSeq,
    lastSeq: previous?.seq ?? null,
    lastHash: previous?.hash ?? null,
  };
}
