import { beforeAll, describe, expect, it } from "vitest";
import type { SpanLinks } from "@/lib/api/contracts/span-links";
import type { SpanLink, SpanRecord } from "@/lib/domain/span-record";
import { ftsToken } from "@/lib/store/attributes/attribute-docs";
import { linkTargetToken } from "@/lib/store/attributes/attribute-tokens";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

const T0 = 1_796_000_000_000_000_000n;
const DAY = 86_400_000n * MS;

const link = (traceId: string, spanId: string, attributes: SpanLink["attributes"] = {}, traceState: string | null = null): SpanLink => ({
  traceId,
  spanId,
  traceState,
  attributes,
});

/**
 * - P (producer): "orders publish" of shop, which C, D and OLD link to
 * - C (consumer): "orders process" of worker links to P's span; its child links to it (within the trace)
 * - D: "audit" of ledger links to P's span and to a span never stored (MISSING)
 * - OLD: three days before, links to P's span; removed by retention
 */
function fixture() {
  const ids = { P: newTraceId(), C: newTraceId(), D: newTraceId(), OLD: newTraceId(), MISSING: newTraceId() };
  const producer = { traceId: ids.P, spanId: spanIdOf(1) };
  const consumer = { traceId: ids.C, spanId: spanIdOf(1) };
  const spans: SpanRecord[] = [
    spanRecord({ ...producer, name: "orders publish", serviceName: "shop", kind: 4, start: T0, durationMs: 2 }),
    spanRecord({
      ...consumer,
      name: "orders process",
      serviceName: "worker",
      kind: 5,
      start: T0 + 50n * MS,
      durationMs: 30,
      links: [link(ids.P, producer.spanId, { "messaging.operation.type": "send" }, "vendor=1")],
    }),
    spanRecord({ traceId: ids.C, spanId: spanIdOf(2), parentSpanId: consumer.spanId, name: "save", serviceName: "worker", start: T0 + 60n * MS, links: [link(ids.C, consumer.spanId)] }),
    spanRecord({
      traceId: ids.D,
      spanId: spanIdOf(1),
      name: "audit",
      serviceName: "ledger",
      start: T0 + 70n * MS,
      links: [link(ids.P, producer.spanId, { n: 1 }), link(ids.MISSING, spanIdOf(9))],
    }),
    spanRecord({ traceId: ids.OLD, spanId: spanIdOf(1), name: "replay", serviceName: "worker", start: T0 - 3n * DAY, links: [link(ids.P, producer.spanId)] }),
  ];
  return { ids, producer, consumer, spans };
}

describeOnEachDatabase("span links both ways", ({ provider, app }) => {
  const { ids, producer, consumer, spans } = fixture();

  beforeAll(async () => {
    await app.modules.getSpanStore().writeSpans(spans);
  });

  async function linksOf(traceId: string, spanId: string): Promise<SpanLinks> {
    const answer = await app.send(`/api/tracing/traces/${traceId}/spans/${spanId}/links`);
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json() as SpanLinks;
  }
  const linkedFromIds = async (traceId: string, spanId: string) => (await linksOf(traceId, spanId)).linkedFrom.map((entry) => `${entry.traceId}/${entry.spanId}`);

  /** Documents of the attribute index holding the token of a link to `target`, read as the lookup reads them. */
  async function docsLinkingTo(target: { traceId: string; spanId: string }): Promise<string[]> {
    const token = linkTargetToken(target.traceId, target.spanId);
    const rows =
      provider === "sqlite"
        ? await app.modules
            .getDb()
            .$queryRawUnsafe<Array<{ traceId: string }>>(
              `SELECT d.trace_id AS "traceId" FROM attribute_index JOIN attribute_docs d ON d.doc_id = attribute_index.rowid WHERE attribute_index MATCH ?`,
              ftsToken(token),
            )
        : await app.modules.getDb().$queryRawUnsafe<Array<{ traceId: string }>>(`SELECT trace_id AS "traceId" FROM attribute_docs WHERE tokens @> ARRAY[$1::text::bigint]`, String(token));
    return rows.map((row) => row.traceId).sort();
  }

  describe("links of a span", () => {
    it("acrossTraces_withTheLinkedSpansServiceNameAndTimes", async () => {
      expect((await linksOf(consumer.traceId, consumer.spanId)).links).toEqual([
        {
          traceId: ids.P,
          spanId: producer.spanId,
          traceState: "vendor=1",
          attributes: { "messaging.operation.type": "send" },
          span: { ...producer, serviceName: "shop", name: "orders publish", startTimeUnixNano: T0.toString(), durationMs: 2 },
        },
      ]);
    });

    it("withinTheTrace", async () => {
      const [only] = (await linksOf(ids.C, spanIdOf(2))).links;
      expect(only.span).toMatchObject({ ...consumer, serviceName: "worker", name: "orders process" });
    });

    it("toASpanNotStored_hasItsIdsOnly", async () => {
      const { links } = await linksOf(ids.D, spanIdOf(1));
      expect(links.map((entry) => [entry.traceId, entry.spanId, entry.span?.name ?? null])).toEqual([
        [ids.P, producer.spanId, "orders publish"],
        [ids.MISSING, spanIdOf(9), null],
      ]);
    });
  });

  describe("linked from", () => {
    it("severalSpansLinkingToOne_byStart_withTheirLinksAttributes", async () => {
      const answer = await linksOf(producer.traceId, producer.spanId);
      expect(answer.linkedFromComplete).toBe(true);
      expect(answer.links).toEqual([]);
      expect(answer.linkedFrom.map(({ traceId, spanId, serviceName, name, attributes }) => ({ traceId, spanId, serviceName, name, attributes }))).toEqual([
        { traceId: ids.OLD, spanId: spanIdOf(1), serviceName: "worker", name: "replay", attributes: {} },
        { ...consumer, serviceName: "worker", name: "orders process", attributes: { "messaging.operation.type": "send" } },
        { traceId: ids.D, spanId: spanIdOf(1), serviceName: "ledger", name: "audit", attributes: { n: 1 } },
      ]);
      expect(answer.linkedFrom[1]).toMatchObject({ startTimeUnixNano: (T0 + 50n * MS).toString(), durationMs: 30, traceState: "vendor=1" });
    });

    it("withinTheTrace", async () => {
      expect(await linkedFromIds(consumer.traceId, consumer.spanId)).toEqual([`${ids.C}/${spanIdOf(2)}`]);
    });

    it("aSpanNobodyLinksTo_isEmpty", async () => {
      expect(await linkedFromIds(ids.D, spanIdOf(1))).toEqual([]);
    });

    it("isAnIndexLookup_aLinkWithoutItsTokenIsNotFound", async () => {
      expect(await docsLinkingTo(producer)).toEqual([ids.C, ids.D, ids.OLD].sort());
      // A span stored with a link but without the token (as before link tokens existed) is not found: nothing scans links.
      const unindexed = newTraceId();
      const db = app.modules.getDb();
      const row = spanRecord({ traceId: unindexed, spanId: spanIdOf(1), start: T0 + 90n * MS });
      await app.modules.getSpanStore().writeSpans([row]);
      await db.$executeRawUnsafe(`UPDATE spans SET links = '${JSON.stringify([link(ids.P, producer.spanId)])}' WHERE trace_id = '${unindexed}'`);
      expect(await linkedFromIds(producer.traceId, producer.spanId)).not.toContain(`${unindexed}/${spanIdOf(1)}`);
    });
  });

  it("unknownSpan_404_badSpanId_400", async () => {
    expect((await app.send(`/api/tracing/traces/${ids.P}/spans/${spanIdOf(7)}/links`)).status).toBe(404);
    expect((await app.send(`/api/tracing/traces/${ids.MISSING}/spans/${spanIdOf(9)}/links`)).status).toBe(404);
    const bad = await app.send(`/api/tracing/traces/${ids.P}/spans/xyz/links`);
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toContain("spanId");
  });

  it("otlpExport_keepsLinks", async () => {
    const document = (await app.send(`/api/tracing/traces/${ids.D}?format=otlp`)).json() as {
      resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ links: unknown[] }> }> }>;
    };
    expect(document.resourceSpans[0].scopeSpans[0].spans[0].links).toEqual([
      { traceId: ids.P, spanId: producer.spanId, attributes: [{ key: "n", value: { intValue: "1" } }] },
      { traceId: ids.MISSING, spanId: spanIdOf(9), attributes: [] },
    ]);
  });

  it("retention_removesTheLinkTokensOfTheSpansItDeletes", async () => {
    await app.modules.getSpanStore().deleteOlderThan(T0 - DAY);
    expect(await docsLinkingTo(producer)).toEqual([ids.C, ids.D].sort());
    expect(await linkedFromIds(producer.traceId, producer.spanId)).toEqual([`${ids.C}/${consumer.spanId}`, `${ids.D}/${spanIdOf(1)}`]);
  });

  it("spansStoredBeforeLinkTokens_markTheAnswerIncomplete_untilRetentionRemovesThem", async () => {
    const db = app.modules.getDb();
    await db.$executeRawUnsafe(`INSERT INTO link_index_gaps VALUES (${T0 - 2n * DAY})`);
    expect((await linksOf(producer.traceId, producer.spanId)).linkedFromComplete).toBe(false);
    await app.modules.getSpanStore().deleteOlderThan(T0 - 2n * DAY);
    expect((await linksOf(producer.traceId, producer.spanId)).linkedFromComplete).toBe(false);
    await app.modules.getSpanStore().deleteOlderThan(T0 - 2n * DAY + 1n);
    expect((await linksOf(producer.traceId, producer.spanId)).linkedFromComplete).toBe(true);
  });

  it("aWriteWithARetriedSpan_stillIndexesTheLinksOfItsNewSpans", async () => {
    // Not every span of the write is new: the writer indexes what it inserted from the stored rows (SQLite's other path).
    const retry = newTraceId();
    const linking = spanRecord({ traceId: retry, spanId: spanIdOf(1), name: "retry", start: T0 + 95n * MS, links: [link(ids.D, spanIdOf(1))] });
    await app.modules.getSpanStore().writeSpans([spans[1], linking]);
    expect(await linkedFromIds(ids.D, spanIdOf(1))).toEqual([`${retry}/${spanIdOf(1)}`]);
  });
});
