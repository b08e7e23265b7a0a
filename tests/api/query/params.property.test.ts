import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { describeOnEachDatabase } from "../support/each-database";
import { otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf } from "../support/test-app";

/**
 * Every GET route of the OpenAPI document, with arbitrary values for each of its
 * parameters: the answer is a 2xx, 400 or 404, never a 500. The routes and their
 * parameters come from the served document, so a new route is fuzzed without a change
 * here. QUERY_FC_RUNS overrides the number of requests per route.
 */
const RUNS = Number(process.env.QUERY_FC_RUNS ?? 60);

interface Operation {
  path: string;
  parameters: Array<{ name: string; in: "query" | "path" }>;
}

const NOW_MS = Date.now();

/** Values that broke reads before (the hostile probe's list) and their neighbours, then anything at all. */
const edgeValue = fc.constantFrom(
  "999999999999999",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2262-04-11T23:47:16.854775807Z",
  "99999999999999999999",
  "99999999h",
  "1e309",
  "-1",
  "0",
  "NaN",
  "1.5",
  "",
  " ",
  "\u0000",
  "\ud800",
  "%",
  "'; DROP TABLE spans; --",
  "a".repeat(5_000),
  "x=" + "y".repeat(3_000),
  String(NOW_MS),
  new Date(NOW_MS).toISOString(),
  "5m",
  "0s",
  "0.000000001ns",
  "4bf92f3577b34da6a3ce929d0e0e4736",
  "00f067aa0ba902b7",
  "%ff%fe",
  "%E0%A4%A",
  "%00",
  "..%2f..%2fetc",
  "%25",
);
const anyValue = fc.oneof(
  { weight: 3, arbitrary: edgeValue },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(99_999), fc.constantFrom("ns", "us", "ms", "s", "m", "h", "")).map(([n, unit]) => `${n}${unit}`) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 600 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join(" ")) },
);
/** A parameter left out, given once, or repeated (up to 600 times, as the probe's `tags`). */
const anyOccurrences = fc.oneof(
  fc.constant([] as string[]),
  anyValue.map((value) => [value]),
  fc.array(anyValue, { minLength: 2, maxLength: 5 }),
  fc.tuple(anyValue, fc.integer({ min: 50, max: 600 })).map(([value, times]) => Array<string>(times).fill(value)),
);

/** Raw path segments a client may send that no encoder makes: invalid UTF-8, NUL, an encoded slash. */
const RAW_SEGMENTS = ["%ff%fe", "%E0%A4%A", "%00", "..%2f..%2fetc", "%25"];

/** Every UTF-8 byte percent-encoded (a lone surrogate becomes U+FFFD's bytes, as a browser sends it). */
function percentEncoded(value: string): string {
  return [...Buffer.from(value, "utf8")].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
}

function pathSegment(value: string | undefined): string {
  if (value === undefined || value === "") return "x";
  return RAW_SEGMENTS.includes(value) ? value : percentEncoded(value);
}

function urlOf(operation: Operation, values: string[][]): string {
  let path = operation.path;
  const query = new URLSearchParams();
  operation.parameters.forEach((parameter, i) => {
    if (parameter.in === "path") path = path.replace(`{${parameter.name}}`, pathSegment(values[i][0]));
    else for (const value of values[i]) query.append(parameter.name, value);
  });
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

describeOnEachDatabase("query parameters (property)", ({ app }) => {
  let operations: Operation[] = [];

  beforeAll(async () => {
    const traceId = newTraceId();
    const now = BigInt(NOW_MS) * 1_000_000n;
    const spans = [0, 1, 2].map((i) => otlpSpan({ traceId, spanId: spanIdOf(i), name: `op ${i}`, start: now - 10_000_000n, end: now, attributes: [{ key: "k", value: { stringValue: "v" } }] }));
    expect((await app.postJson("/v1/traces", otlpRequest("fuzzed", spans))).status).toBe(200);
    expect((await app.postJson("/api/tracing/audit", { action: "read", traceId })).status).toBe(201);
    const document = (await app.send("/api/tracing/openapi.json")).json() as { paths: Record<string, { get?: { parameters?: Operation["parameters"] } }> };
    operations = Object.entries(document.paths)
      .filter(([, item]) => item.get)
      .map(([path, item]) => ({ path, parameters: item.get!.parameters ?? [] }));
    expect(operations.length).toBeGreaterThanOrEqual(15);
  });

  it("no_get_route_answers_500_for_any_parameter_values", async () => {
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(fc.tuple(...operation.parameters.map(() => anyOccurrences)), async (values) => {
          const url = urlOf(operation, values as string[][]);
          const answer = await app.send(url);
          expect(answer.status, `${url.slice(0, 300)}: ${answer.body.toString().slice(0, 300)}`).toBeLessThan(500);
          if (answer.status >= 400) expect(answer.status, url.slice(0, 300)).toBeOneOf([400, 404, 414, 431]);
        }),
        { numRuns: RUNS },
      );
    }
  }, 300_000);

  it.each([
    ["end_far_in_the_future", "/api/tracing/traces?end=999999999999999", /end: invalid time/],
    ["start_in_year_zero", "/api/tracing/traces?start=0000-01-01T00:00:00Z", /start: invalid time/],
    ["max_duration_beyond_int64", "/api/tracing/traces?maxDuration=99999999999999999999", /maxDuration: invalid duration/],
    ["step_of_a_hundred_million_hours", "/api/tracing/metrics?step=99999999h", /step: invalid step/],
    ["five_hundred_tag_pairs", `/api/tracing/traces?${Array.from({ length: 500 }, (_, i) => `tags=k${i}=v`).join("&")}`, /tags: invalid tags: at most 32/],
  ])("the_probe_s_%s_is_a_400_naming_the_parameter", async (_name, url, message) => {
    const answer = await app.send(url);
    expect(answer.status).toBe(400);
    expect((answer.json() as { error: { message: string } }).error.message).toMatch(message);
  });
});
