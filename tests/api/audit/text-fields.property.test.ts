import fc from "fast-check";
import { expect, it } from "vitest";
import type { ChainVerification } from "@/lib/audit/verify-chain";
import { describeOnEachDatabase } from "../support/each-database";
import { getJson, type AuditEvent } from "./audit-support";

/**
 * Whatever text an audit event carries, what the chain hashes is what the store reads
 * back: storable text is kept exactly and verifies; text that cannot be stored (a lone
 * UTF-16 surrogate, NUL) is refused with a 400 naming the field, and never poisons the
 * chain. Each case is one append over HTTP, so the run count is smaller than the pure
 * properties' (AUDIT_FC_RUNS overrides).
 */
const RUNS = Number(process.env.AUDIT_FC_RUNS ?? 150);

const TEXT_FIELDS = ["resourceType", "resourceId", "description", "userId", "sessionId", "engagementId", "userAgent"] as const;
const JSON_FIELDS = ["before", "after", "metadata"] as const;

/** Any UTF-16 code unit, lone surrogates and NUL included, with well-formed pairs and emoji mixed in. */
const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom("\ud800", "\udfff", "\0", "😀", "e\u0301", "a"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 2 }),
);
const anyText = fc.string({ unit: codeUnit, minLength: 1, maxLength: 12 });

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (text: string) => !text.includes("\0") && !LONE_SURROGATE.test(text);

/** One event with one text field (or one JSON member key or value) set to `text`. */
const anyPlacement = fc.oneof(
  fc.record({ field: fc.constantFrom(...TEXT_FIELDS), text: anyText, where: fc.constant("value" as const) }),
  fc.record({ field: fc.constantFrom(...JSON_FIELDS), text: anyText, where: fc.constantFrom("value" as const, "key" as const, "nested" as const) }),
);

function bodyWith({ field, text, where }: { field: string; text: string; where: "value" | "key" | "nested" }): Record<string, unknown> {
  const body: Record<string, unknown> = { action: "update" };
  if (where === "value") body[field] = text;
  else if (where === "key") body[field] = { [text]: 1 };
  else body[field] = { list: [1, { deep: text }] };
  return body;
}

describeOnEachDatabase("audit text fields (property)", ({ app }) => {
  it("storable_text_round_trips_and_unstorable_text_is_refused_naming_the_field", async () => {
    await fc.assert(
      fc.asyncProperty(anyPlacement, async (placement) => {
        const body = bodyWith(placement);
        const answer = await app.postJson("/api/tracing/audit", body);
        if (storable(placement.text)) {
          expect(answer.status, answer.body.toString()).toBe(201);
          const stored = answer.json() as AuditEvent;
          const [read] = (await getJson<{ events: AuditEvent[] }>(app, `/api/tracing/audit?cursor=${stored.seq + 1}&limit=1`)).events;
          expect(read).toEqual(stored);
          expect(read[placement.field as keyof AuditEvent]).toEqual(body[placement.field]);
        } else {
          expect(answer.status, answer.body.toString()).toBe(400);
          const { error } = answer.json() as { error: { message: string; details: Array<{ path: string }> } };
          expect(error.details[0].path.split(".")[0]).toBe(placement.field);
          expect(error.message).toMatch(/valid Unicode|U\+0000/);
        }
      }),
      { numRuns: RUNS },
    );
    const verification = await getJson<ChainVerification>(app, "/api/tracing/audit/verify");
    expect(verification).toMatchObject({ valid: true, brokenCount: 0 });
    expect(verification.checked).toBeGreaterThan(0);
  }, 120_000);

  it("the_probe_s_lone_surrogate_is_a_400_and_the_chain_stays_valid", async () => {
    const answer = await app.send("/api/tracing/audit", {
      body: '{"action":"update","description":"x\\ud800y"}',
      headers: { "content-type": "application/json" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.toString()).toMatch(/description: text must be valid Unicode/);
    expect((await getJson<ChainVerification>(app, "/api/tracing/audit/verify")).valid).toBe(true);
  });
});
