import { SpanKind, StatusCode, type SpanRecord } from "@/lib/domain/span-record";
import { testSpan } from "../../../store/support/test-spans";
import type { TestApp } from "../../support/test-app";
import { newTraceId, spanIdOf } from "../../support/test-app";

export const NS_PER_MS = 1_000_000n;
export const NS_PER_MINUTE = 60_000_000_000n;

let services = 0;

/** A service name no other test uses, so tests sharing a database never see each other's spans. */
export function uniqueService(prefix: string): string {
  services += 1;
  return `${prefix}-${Date.now().toString(36)}-${services}`;
}

export interface SpanSpec {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string | null;
  service: string;
  name?: string;
  kind?: SpanKind;
  startNs: bigint;
  durationMs: number;
  error?: boolean;
  ok?: boolean;
}

let spanCounter = 0;

/** A span record from the fields a metrics test cares about. */
export function span(spec: SpanSpec): SpanRecord {
  spanCounter += 1;
  return testSpan({
    traceId: spec.traceId ?? newTraceId(),
    spanId: spec.spanId ?? spanIdOf(spanCounter),
    parentSpanId: spec.parentSpanId ?? null,
    name: spec.name ?? "GET /",
    kind: spec.kind ?? SpanKind.SERVER,
    startTimeNs: spec.startNs,
    endTimeNs: spec.startNs + BigInt(Math.round(spec.durationMs * 1e6)),
    statusCode: spec.error ? StatusCode.ERROR : spec.ok ? StatusCode.OK : StatusCode.UNSET,
    serviceName: spec.service,
    resourceAttributes: { "service.name": spec.service },
  });
}

export async function writeSpans(app: TestApp, spans: SpanRecord[]): Promise<void> {
  await app.modules.getSpanStore().writeSpans(spans);
}

/** Asserts `actual` is within the stated relative error of `exact`. */
export function withinRelativeError(actual: number | null, exact: number, relativeError = 0.01): boolean {
  return actual !== null && Math.abs(actual - exact) <= exact * relativeError + 1e-9;
}
