import { beforeAll, describe, expect, it } from "vitest";
import type { SpanRecord } from "@/lib/domain/span-record";
import { describeOnEachDatabase } from "../support/each-database";
import { newTraceId, spanIdOf } from "../support/test-app";
import { MS, spanRecord } from "./span-records";

// Two days after the search fixture's T0, so the day- and hour-granular counts of other suites never mix in.
const T0 = 1_795_885_200_000_000_000n;
const HOUR = 3_600_000n * MS;
const DAY = 24n * HOUR;
const WINDOW = `start=${T0 / MS}&end=${T0 / MS + 60_000n}`;

interface SearchAnswer {
  traces: Array<{ traceId: string }>;
  nextCursor: string | null;
}

/**
 * - A: checkout span with every attribute type; resource region=eu-1 (and a retried copy of its span)
 * - B: Zipkin shared span: client half (web) peer=x, server half (api) handler=y, one span id
 * - C: like A's order id but its own, used to show that search reads the index
 * - OLD: three days before T0, removed by retention
 */
function fixture() {
  const ids = { A: newTraceId(), B: newTraceId(), C: newTraceId(), OLD: newTraceId() };
  const spans: SpanRecord[] = [
    spanRecord({
      traceId: ids.A,
      spanId: spanIdOf(1),
      serviceName: "checkout",
      start: T0,
      attributes: {
        "order.id": "ord-1657",
        "http.response.status_code": 503,
        retry: true,
        ratio: { double: 0.25 },
        big: { int: "9007199254740993" },
        colors: ["blue", "green"],
      },
      resourceAttributes: { "service.name": "checkout", region: "eu-1" },
    }),
    spanRecord({ traceId: ids.B, spanId: spanIdOf(1), serviceName: "web", kind: 3, start: T0 + 1000n * MS, attributes: { peer: "x" } }),
    spanRecord({ traceId: ids.B, spanId: spanIdOf(1), serviceName: "api", kind: 2, start: T0 + 1001n * MS, attributes: { handler: "y" } }),
    spanRecord({ traceId: ids.C, spanId: spanIdOf(1), serviceName: "checkout", start: T0 + 2000n * MS, attributes: { "order.id": "ord-2000" } }),
    spanRecord({ traceId: ids.OLD, spanId: spanIdOf(1), serviceName: "checkout", start: T0 - 3n * DAY, attributes: { "order.id": "ord-old" } }),
  ];
  return { ids, spans };
}

describeOnEachDatabase("attribute index", ({ provider, app }) => {
  const { ids, spans } = fixture();
  const name = new Map(Object.entries(ids).map(([letter, id]) => [id, letter]));

  beforeAll(async () => {
    const store = app.modules.getSpanStore();
    await store.writeSpans(spans);
    // A retry of A's span: stored once, counted once.
    await store.writeSpans([spans[0]]);
  });

  async function search(query: string): Promise<SearchAnswer> {
    const answer = await app.send(`/api/tracing/traces?${query}`);
    expect(answer.status, answer.body.toString()).toBe(200);
    return answer.json() as SearchAnswer;
  }
  const tagSearch = async (tags: string, extra = "") =>
    (await search(`${WINDOW}&tags=${encodeURIComponent(tags)}${extra}`)).traces.map((trace) => name.get(trace.traceId) ?? trace.traceId);

  describe("search by tag", () => {
    it.each([
      ["string", "order.id=ord-1657", ["A"]],
      ["int", "http.response.status_code=503", ["A"]],
      ["int_as_decimal_text", "http.response.status_code=503.0", ["A"]],
      ["bool", "retry=true", ["A"]],
      ["double", "ratio=0.25", ["A"]],
      ["int_beyond_2_53", "big=9007199254740993", ["A"]],
      ["resource_attribute", "region=eu-1", ["A"]],
      ["two_tags_on_one_span", "order.id=ord-1657 region=eu-1", ["A"]],
      ["zipkin_client_half", "peer=x", ["B"]],
      ["zipkin_server_half", "handler=y", ["B"]],
      ["absent_value", "order.id=ord-9999", []],
      ["absent_key", "no.such.key=1", []],
      ["tags_on_two_different_spans_do_not_match", "peer=x handler=y", []],
    ])("%s", async (_name, tags, expected) => {
      expect(await tagSearch(tags)).toEqual(expected);
    });

    it("rareValuePlusService", async () => {
      expect(await tagSearch("order.id=ord-1657", "&service=checkout")).toEqual(["A"]);
      expect(await tagSearch("order.id=ord-1657", "&service=web")).toEqual([]);
    });
  });

  describe("the index's tokens", () => {
    const candidates = async (key: string, storedForms: string[]) => {
      const { candidateTraceIds } = await import("@/lib/store/read/attribute-candidates");
      return ((await candidateTraceIds([{ key, storedForms }], T0 - 4n * DAY)) ?? []).map((traceId) => name.get(traceId));
    };

    it("arrayElements_areIndexedOneByOne_andTheWholeArray", async () => {
      expect(await candidates("colors", ['"green"'])).toEqual(["A"]);
      expect(await candidates("colors", ['["blue","green"]'])).toEqual(["A"]);
      expect(await candidates("colors", ['"red"'])).toEqual([]);
    });

    it("moreMatchesThanTheCandidateLimit_handsOverToTheScan", async () => {
      const { candidateTraceIds, MAX_CANDIDATE_TRACES } = await import("@/lib/store/read/attribute-candidates");
      const common = Array.from({ length: MAX_CANDIDATE_TRACES + 1 }, (_, index) =>
        spanRecord({ traceId: newTraceId(), spanId: spanIdOf(1), serviceName: "batch", start: T0 + 5000n * MS + BigInt(index) * MS, attributes: { common: "yes" } }),
      );
      await app.modules.getSpanStore().writeSpans(common);
      expect(await candidateTraceIds([{ key: "common", storedForms: ['"yes"'] }], T0)).toBeNull();
      const page = await search(`${WINDOW}&tags=common%3Dyes&limit=5`);
      expect(page.traces.map((trace) => trace.traceId)).toEqual(common.slice(-5).reverse().map((span) => span.traceId));
      expect(page.nextCursor).not.toBeNull();
    });
  });

  describe("listing keys and values", () => {
    const DAY_WINDOW = `start=${T0 / MS}&end=${T0 / MS + 60_000n}`;

    it("keys_withSpanCounts_perServiceAndScope", async () => {
      const answer = await app.send(`/api/tracing/attributes?${DAY_WINDOW}&service=checkout`);
      expect(answer.status, answer.body.toString()).toBe(200);
      const { keys } = answer.json() as { keys: Array<{ key: string; scope: string; spanCount: number }> };
      expect(keys).toContainEqual({ key: "order.id", scope: "span", spanCount: 2 });
      expect(keys).toContainEqual({ key: "region", scope: "resource", spanCount: 1 });
      expect(keys).toContainEqual({ key: "service.name", scope: "resource", spanCount: 2 });
      expect(keys.map((key) => key.key)).not.toContain("peer");
      const resourceOnly = (await app.send(`/api/tracing/attributes?${DAY_WINDOW}&service=checkout&scope=resource`)).json() as { keys: Array<{ key: string }> };
      expect(resourceOnly.keys.map((key) => key.key).sort()).toEqual(["region", "service.name"]);
    });

    it("values_typedAndCounted_withPrefix", async () => {
      const values = async (key: string, query = "") => {
        const answer = await app.send(`/api/tracing/attributes/${encodeURIComponent(key)}/values?${DAY_WINDOW}${query}`);
        expect(answer.status, answer.body.toString()).toBe(200);
        return answer.json() as { values: Array<{ value: string; type: string; spanCount: number }>; complete: boolean };
      };
      expect((await values("order.id")).values).toEqual([
        { value: "ord-1657", type: "string", spanCount: 1 },
        { value: "ord-2000", type: "string", spanCount: 1 },
      ]);
      expect((await values("order.id", "&prefix=ord-2")).values.map((value) => value.value)).toEqual(["ord-2000"]);
      expect((await values("http.response.status_code")).values).toEqual([{ value: "503", type: "int", spanCount: 1 }]);
      expect((await values("retry")).values).toEqual([{ value: "true", type: "bool", spanCount: 1 }]);
      expect((await values("ratio")).values).toEqual([{ value: "0.25", type: "double", spanCount: 1 }]);
      expect((await values("colors")).values.map((value) => value.value)).toEqual(["blue", "green"]);
      expect((await values("colors")).complete).toBe(true);
    });

    it("aKeyWithMoreValuesThanTheDailyCap_isMarkedIncomplete", async () => {
      const { MAX_VALUES_PER_KEY_DAY } = await import("@/lib/store/attributes/attribute-counts");
      const start = T0 + 10n * HOUR;
      const many = Array.from({ length: MAX_VALUES_PER_KEY_DAY + 5 }, (_, index) =>
        spanRecord({ traceId: newTraceId(), spanId: spanIdOf(1), start: start + BigInt(index) * MS, attributes: { "user.id": `u${index}` } }),
      );
      await app.modules.getSpanStore().writeSpans(many);
      const answer = (await app.send(`/api/tracing/attributes/user.id/values?start=${start / MS}&end=${start / MS + 60_000n}&limit=10`)).json() as {
        values: unknown[];
        complete: boolean;
      };
      expect(answer.complete).toBe(false);
      expect(answer.values).toHaveLength(10);
      // Search does not depend on the listing: a value past the cap is found.
      expect((await search(`start=${start / MS}&end=${start / MS + 60_000n}&tags=user.id%3Du${MAX_VALUES_PER_KEY_DAY + 4}`)).traces).toHaveLength(1);
    });

    it("badLimit_is400", async () => {
      expect((await app.send("/api/tracing/attributes?limit=0")).status).toBe(400);
      expect((await app.send("/api/tracing/attributes/x/values?limit=100000")).status).toBe(400);
    });
  });

  describe("after the reads above", () => {
    const indexRows = async (sql: string) => Number((await app.modules.getDb().$queryRawUnsafe<Array<{ n: unknown }>>(sql))[0].n);

    it("retention_removesIndexRowsOfDeletedSpans", async () => {
      const oldDocs = `SELECT count(*) AS n FROM attribute_docs WHERE trace_id = '${ids.OLD}'`;
      expect(await indexRows(oldDocs)).toBe(1);
      const oldWindow = `start=${(T0 - 3n * DAY) / MS}&end=${(T0 - 3n * DAY) / MS + 60_000n}`;
      expect((await search(`${oldWindow}&tags=order.id%3Dord-old`)).traces).toHaveLength(1);
      await app.modules.getSpanStore().deleteOlderThan(T0 - DAY);
      expect(await indexRows(oldDocs)).toBe(0);
      expect(await indexRows(`SELECT count(*) AS n FROM attribute_keys WHERE hour_start_ns < ${T0 - DAY}`)).toBe(0);
      expect(await indexRows(`SELECT count(*) AS n FROM attribute_values WHERE day_start_ns < ${T0 - 2n * DAY}`)).toBe(0);
      expect((await search(`${oldWindow}&tags=order.id%3Dord-old`)).traces).toHaveLength(0);
      expect(await tagSearch("order.id=ord-1657")).toEqual(["A"]);
    });

    it("searchReadsTheIndex_andFallsBackToSpansWhileOlderSpansAreNotIndexed", async () => {
      const db = app.modules.getDb();
      const docIds = (await db.$queryRawUnsafe<Array<{ doc_id: unknown }>>(`SELECT doc_id FROM attribute_docs WHERE trace_id = '${ids.C}'`)).map((row) => String(row.doc_id));
      expect(docIds).toHaveLength(1);
      // Without C's document the index knows no trace with ord-2000: search finds none, so it did not read spans.
      if (provider === "sqlite") await db.$executeRawUnsafe(`DELETE FROM attribute_index WHERE rowid = ${docIds[0]}`);
      await db.$executeRawUnsafe(`DELETE FROM attribute_docs WHERE doc_id = ${docIds[0]}`);
      expect(await tagSearch("order.id=ord-2000")).toEqual([]);
      // Spans stored before the index existed are marked by the migration: search then reads spans,
      // until retention has removed the latest of them.
      await db.$executeRawUnsafe(`INSERT INTO attribute_index_gaps VALUES (${T0 - 2n * DAY})`);
      expect(await tagSearch("order.id=ord-2000")).toEqual(["C"]);
      await app.modules.getSpanStore().deleteOlderThan(T0 - 2n * DAY);
      expect(await indexRows("SELECT count(*) AS n FROM attribute_index_gaps")).toBe(1);
      await app.modules.getSpanStore().deleteOlderThan(T0 - 2n * DAY + 1n);
      expect(await indexRows("SELECT count(*) AS n FROM attribute_index_gaps")).toBe(0);
      expect(await tagSearch("order.id=ord-2000")).toEqual([]);
    });
  });
});
