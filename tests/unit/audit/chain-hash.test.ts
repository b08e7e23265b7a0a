import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalEventJson, chainHash, GENESIS_HASH, HASHED_FIELDS, type HashedAuditEvent } from "@/lib/audit/chain-hash";

const EVENT: HashedAuditEvent = {
  seq: 1,
  timestampUnixNano: "1795712400000000001",
  action: "update",
  severity: "info",
  resourceType: "order",
  resourceId: "o-1",
  description: "status changed",
  userId: "alice",
  sessionId: null,
  engagementId: null,
  ipAddress: "10.0.0.1",
  userAgent: null,
  before: { status: "pending" },
  after: { status: "paid" },
  metadata: null,
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  spanId: "00f067aa0ba902b7",
};

/** The canonical text written out by hand, as an outside verifier would build it. */
const EXPECTED_TEXT =
  '{"action":"update","after":{"status":"paid"},"before":{"status":"pending"},"description":"status changed",' +
  '"engagementId":null,"ipAddress":"10.0.0.1","metadata":null,"resourceId":"o-1","resourceType":"order","seq":1,' +
  '"sessionId":null,"severity":"info","spanId":"00f067aa0ba902b7","timestampUnixNano":"1795712400000000001",' +
  '"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","userAgent":null,"userId":"alice"}';

describe("canonicalEventJson", () => {
  it("has_every_hashed_field_sorted_nulls_included", () => {
    expect(canonicalEventJson(EVENT)).toBe(EXPECTED_TEXT);
    expect(Object.keys(JSON.parse(EXPECTED_TEXT))).toHaveLength(HASHED_FIELDS.length);
  });

  it("ignores_prevHash_hash_and_any_other_field", () => {
    const stored = { ...EVENT, prevHash: GENESIS_HASH, hash: "f".repeat(64), extra: 1 } as HashedAuditEvent;
    expect(canonicalEventJson(stored)).toBe(EXPECTED_TEXT);
  });

  it("a_missing_field_is_null", () => {
    const withoutUserAgent: Partial<HashedAuditEvent> = { ...EVENT };
    delete withoutUserAgent.userAgent;
    expect(canonicalEventJson(withoutUserAgent as HashedAuditEvent)).toBe(EXPECTED_TEXT);
  });
});

describe("chainHash", () => {
  it("is_sha256_of_prevHash_then_canonical_json", () => {
    const expected = createHash("sha256").update(GENESIS_HASH + EXPECTED_TEXT).digest("hex");
    expect(chainHash(GENESIS_HASH, EVENT)).toBe(expected);
    expect(chainHash(GENESIS_HASH, EVENT)).toMatch(/^[0-9a-f]{64}$/);
  });

  const changes: Array<{ name: string; prevHash?: string; change: Partial<HashedAuditEvent> }> = [
    { name: "another_prevHash", prevHash: "1".repeat(64), change: {} },
    { name: "another_seq", change: { seq: 2 } },
    { name: "another_timestamp", change: { timestampUnixNano: "1795712400000000002" } },
    { name: "another_description", change: { description: "status changed!" } },
    { name: "a_nested_value", change: { after: { status: "refunded" } } },
    { name: "null_instead_of_a_value", change: { userId: null } },
    { name: "empty_string_instead_of_null", change: { sessionId: "" } },
  ];
  it.each(changes)("changes_with_$name", ({ prevHash = GENESIS_HASH, change }) => {
    expect(chainHash(prevHash, { ...EVENT, ...change })).not.toBe(chainHash(GENESIS_HASH, EVENT));
  });

  it("does_not_depend_on_key_order_of_json_values", () => {
    const reordered = { ...EVENT, before: { b: 1, a: { y: 2, x: 1 } } };
    const sorted = { ...EVENT, before: { a: { x: 1, y: 2 }, b: 1 } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, sorted));
  });
});
