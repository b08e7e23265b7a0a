import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

/** One span of a seeded trace; times are offsets in milliseconds from the trace start. */
export interface SeedSpan {
  /** Local name, unique in the trace; `parent` refers to it. */
  id: string;
  parent?: string;
  service: string;
  name: string;
  kind?: "internal" | "server" | "client" | "producer" | "consumer";
  startMs: number;
  durationMs: number;
  error?: string;
  attributes?: Record<string, string | number | boolean>;
  events?: Array<{ name: string; atMs: number; attributes?: Record<string, string | number | boolean> }>;
  /** Links to spans of other traces (stored ids), or of this one (`spanId` a local id, `traceId` omitted). */
  links?: Array<{ traceId?: string; spanId: string; attributes?: Record<string, string | number | boolean> }>;
}

export interface SeededTrace {
  traceId: string;
  /** Local span id -> the hex span id stored. */
  spanIds: Record<string, string>;
  startNs: bigint;
}

const KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;
const NS_PER_MS = 1_000_000n;

function anyValue(value: string | number | boolean) {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
}

function keyValues(attributes: Record<string, string | number | boolean> = {}) {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));
}

/** One trace as an OTLP JSON ExportTraceServiceRequest, with fresh ids (also what a trace file holds). */
export function otlpTrace(spans: SeedSpan[], startMs = Date.now() - 60_000): SeededTrace & { body: object } {
  const traceId = randomBytes(16).toString("hex");
  const spanIds = Object.fromEntries(spans.map((span) => [span.id, randomBytes(8).toString("hex")]));
  const startNs = BigInt(Math.round(startMs)) * NS_PER_MS;
  const at = (ms: number) => (startNs + BigInt(Math.round(ms * 1_000_000))).toString();
  const services = [...new Set(spans.map((span) => span.service))];
  const body = {
    resourceSpans: services.map((service) => ({
      resource: { attributes: keyValues({ "service.name": service }) },
      scopeSpans: [
        {
          scope: { name: "e2e-seed", version: "1.0.0" },
          spans: spans
            .filter((span) => span.service === service)
            .map((span) => ({
              traceId,
              spanId: spanIds[span.id],
              ...(span.parent ? { parentSpanId: spanIds[span.parent] } : {}),
              name: span.name,
              kind: KIND[span.kind ?? "internal"],
              startTimeUnixNano: at(span.startMs),
              endTimeUnixNano: at(span.startMs + span.durationMs),
              attributes: keyValues(span.attributes),
              events: (span.events ?? []).map((event) => ({ name: event.name, timeUnixNano: at(event.atMs), attributes: keyValues(event.attributes) })),
              links: (span.links ?? []).map((link) => ({
                traceId: link.traceId ?? traceId,
                spanId: link.traceId ? link.spanId : spanIds[link.spanId],
                attributes: keyValues(link.attributes),
              })),
              status: span.error ? { code: 2, message: span.error } : { code: 0 },
            })),
        },
      ],
    })),
  };
  return { traceId, spanIds, startNs, body };
}

/**
 * Sends one trace through the real OTLP/HTTP JSON endpoint and waits for the 200 (a
 * 2xx means committed). Each call makes fresh ids, so tests never see each other's
 * traces when they use their own service names.
 */
export async function seedTrace(request: APIRequestContext, spans: SeedSpan[], startMs?: number): Promise<SeededTrace> {
  const { body, ...trace } = otlpTrace(spans, startMs);
  const answer = await request.post("/v1/traces", { data: body, headers: { "content-type": "application/json" } });
  expect(answer.status(), await answer.text()).toBe(200);
  return trace;
}

/** A service name no other test uses. */
export function uniqueService(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}
