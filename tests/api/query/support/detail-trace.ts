import { otlpSpan } from "../../support/otlp";
import { spanIdOf } from "../../support/test-app";

export const T0 = 1_795_900_000_000_000_000n;
export const MS = 1_000_000n;

/** Every AnyValue kind, nested ones included. */
const TYPED_ATTRIBUTES = [
  { key: "s", value: { stringValue: "text" } },
  { key: "b", value: { boolValue: true } },
  { key: "i", value: { intValue: "42" } },
  { key: "big", value: { intValue: "9223372036854775807" } },
  { key: "d", value: { doubleValue: 200 } },
  { key: "nan", value: { doubleValue: "NaN" } },
  { key: "bytes", value: { bytesValue: "AQID" } },
  { key: "arr", value: { arrayValue: { values: [{ stringValue: "x" }, { intValue: "1" }] } } },
  { key: "kv", value: { kvlistValue: { values: [{ key: "inner", value: { doubleValue: 1.5 } }] } } },
];

/**
 * One trace over two resources and three scopes: root (web) -> child-b (api, t=20) and
 * child-a (api, t=10) -> grandchild; an orphan whose parent never arrived; the root has
 * an event, a link, trace state and every attribute kind.
 */
export function traceDocument(traceId: string) {
  const root = otlpSpan({ traceId, spanId: spanIdOf(1), name: "GET /", kind: 2, start: T0, end: T0 + 100n * MS, attributes: TYPED_ATTRIBUTES });
  Object.assign(root, {
    traceState: "vendor=1",
    status: { code: 2, message: "boom" },
    events: [{ timeUnixNano: String(T0 + 5n * MS), name: "exception", attributes: [{ key: "exception.type", value: { stringValue: "Error" } }] }],
    links: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceState: "x=y", attributes: [{ key: "l", value: { intValue: "7" } }] }],
  });
  const span = (n: number, parent: number, name: string, startMs: bigint) =>
    otlpSpan({ traceId, spanId: spanIdOf(n), parentSpanId: spanIdOf(parent), name, kind: 3, start: T0 + startMs * MS, end: T0 + (startMs + 5n) * MS });
  const resource = (service: string, extra: Array<{ key: string; value: object }> = []) => ({
    attributes: [{ key: "service.name", value: { stringValue: service } }, ...extra],
  });
  return {
    resourceSpans: [
      { resource: resource("web", [{ key: "host.name", value: { stringValue: "h1" } }]), scopeSpans: [{ scope: { name: "http", version: "1.0" }, spans: [root] }] },
      {
        resource: resource("api"),
        scopeSpans: [
          { scope: { name: "db" }, spans: [span(3, 1, "child-b", 20n), span(2, 1, "child-a", 10n)] },
          { scope: { name: "rpc", version: "2" }, spans: [span(4, 2, "grandchild", 11n), span(5, 99, "orphan", 1n)] },
        ],
      },
    ],
  };
}
