import { expect, it } from "vitest";
import type { ChainVerification } from "@/lib/audit/verify-chain";
import { describeOnEachDatabase } from "../support/each-database";
import { getJson, type AuditEvent } from "./audit-support";

/**
 * JSON members are kept whatever their names: "__proto__" and "constructor" are data in
 * a JSON document, not prototypes. Written as JSON text: in a JS literal `__proto__: 1`
 * would set a prototype, not a member.
 */
describeOnEachDatabase("audit JSON member names", ({ app }) => {
  it.each([
    ["__proto__ at the top", '{"__proto__":1}'],
    ["__proto__ nested, holding an object", '{"a":{"__proto__":{"b":2}}}'],
    ["constructor and prototype", '{"constructor":"x","prototype":[1,{"__proto__":null}]}'],
  ])("%s_storedHashedAndAnsweredAsSent", async (_name, before) => {
    const answer = await app.send("/api/tracing/audit", { body: `{"action":"update","before":${before}}`, headers: { "content-type": "application/json" } });
    expect(answer.status, answer.body.toString()).toBe(201);
    const stored = answer.json() as AuditEvent;
    expect(JSON.stringify(stored.before)).toBe(before);
    const [read] = (await getJson<{ events: AuditEvent[] }>(app, `/api/tracing/audit?cursor=${stored.seq + 1}&limit=1`)).events;
    expect(JSON.stringify(read.before)).toBe(before);
    expect(read.hash).toBe(stored.hash);
    expect((await getJson<ChainVerification>(app, "/api/tracing/audit/verify")).valid).toBe(true);
  });
});
