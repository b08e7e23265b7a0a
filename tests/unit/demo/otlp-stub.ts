// Test helper: a tiny OTLP/HTTP receiver on 127.0.0.1 (random port) that decodes what
// the demo's exporters send, protobuf with the project's OTLP schema or JSON, serves
// the statistics route `--if-empty` asks, and keeps the audit events the demo records.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { ExportTraceServiceRequest } from "@/lib/collector/wire/otlp-proto";

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  service: string;
  startNs: bigint;
  endNs: bigint;
  linkedSpanIds: string[];
}

export interface ReceivedRequest {
  contentType: string;
  authorization: string | undefined;
  spans: ReceivedSpan[];
}

export interface StubOptions {
  /** Status for OTLP requests (default 200). */
  status?: number;
  /** Body for GET /api/tracing/statistics; a number is the status to answer instead. */
  statistics?: { total_spans: number } | number;
  /** Status for POST /api/tracing/audit (default 201). */
  auditStatus?: number;
}

export interface ReceivedAuditEvent {
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface OtlpStub {
  url: string;
  requests: ReceivedRequest[];
  statisticsRequests: number;
  auditEvents: ReceivedAuditEvent[];
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

interface AnyValue {
  stringValue?: string;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string | number;
  endTimeUnixNano: string | number;
  links?: { spanId: string }[];
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value?: AnyValue }[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

const base64ToHex = (id: string) => Buffer.from(id, "base64").toString("hex");

function decode(contentType: string, body: Buffer): ReceivedSpan[] {
  const protobuf = contentType === "application/x-protobuf";
  const request = (
    protobuf
      ? ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(body), { longs: String, bytes: String, defaults: true })
      : JSON.parse(body.toString("utf8"))
  ) as OtlpRequest;
  const id = (value: string | undefined) => (value ? (protobuf ? base64ToHex(value) : value) : "");
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const service = resourceSpans.resource?.attributes?.find((a) => a.key === "service.name")?.value?.stringValue ?? "";
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        traceId: id(span.traceId),
        spanId: id(span.spanId),
        parentSpanId: id(span.parentSpanId),
        name: span.name,
        kind: span.kind,
        service,
        startNs: BigInt(span.startTimeUnixNano),
        endNs: BigInt(span.endTimeUnixNano),
        linkedSpanIds: (span.links ?? []).map((link) => id(link.spanId)),
      })),
    );
  });
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

export async function startOtlpStub(options: StubOptions = {}): Promise<OtlpStub> {
  const requests: ReceivedRequest[] = [];
  const auditEvents: ReceivedAuditEvent[] = [];
  let statisticsRequests = 0;
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    if (request.method === "GET" && request.url === "/api/tracing/statistics") {
      statisticsRequests++;
      const statistics = options.statistics ?? { total_spans: 0 };
      response.statusCode = typeof statistics === "number" ? statistics : 200;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(typeof statistics === "number" ? { error: "nope" } : statistics));
      return;
    }
    if (request.method === "POST" && request.url === "/api/tracing/audit") {
      const status = options.auditStatus ?? 201;
      if (status === 201) auditEvents.push({ authorization: request.headers.authorization, body: JSON.parse(body.toString("utf8")) });
      response.statusCode = status;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(status === 201 ? { seq: auditEvents.length } : { error: { code: "unauthorized" } }));
      return;
    }
    if (request.method !== "POST" || request.url !== "/v1/traces") {
      response.statusCode = 404;
      response.end();
      return;
    }
    const contentType = request.headers["content-type"] ?? "";
    requests.push({ contentType, authorization: request.headers.authorization, spans: decode(contentType, body) });
    response.statusCode = options.status ?? 200;
    response.setHeader("content-type", contentType);
    response.end(contentType === "application/json" ? "{}" : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    auditEvents,
    get statisticsRequests() {
      return statisticsRequests;
    },
    spans: () => requests.flatMap((request) => request.spans),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
