import type { Attributes, SpanEvent, SpanKind, SpanRecord, StatusCode } from "@/lib/domain/span-record";
import { StatusCode as Status } from "@/lib/domain/span-record";
import { isSampled, type TraceContext } from "@/lib/trace-context";
import { type SimpleAttribute, toAttributeValue } from "./attribute-value";
import { nowUnixNano } from "@/lib/domain/clock";
import { SELF_RESOURCE, SELF_SCOPE, SELF_SERVICE_NAME } from "./self-telemetry";

/**
 * A span of this process being recorded. `end()` turns it into a SpanRecord for the
 * exporter, once; unsampled spans are never exported.
 */
export class RecordingSpan {
  private readonly attributes: Attributes = {};
  private readonly events: SpanEvent[] = [];
  private status: { code: StatusCode; message: string | null } = { code: Status.UNSET, message: null };
  private ended = false;

  constructor(
    readonly context: TraceContext,
    private name: string,
    private readonly kind: SpanKind,
    private readonly exportSpan: (span: SpanRecord) => void,
    private readonly startTimeNs: bigint = nowUnixNano(),
  ) {}

  get sampled(): boolean {
    return isSampled(this.context.traceFlags);
  }

  updateName(name: string): this {
    this.name = name;
    return this;
  }

  setAttribute(key: string, value: SimpleAttribute | undefined | null): this {
    if (value !== undefined && value !== null) this.attributes[key] = toAttributeValue(value);
    return this;
  }

  setStatus(code: StatusCode, message: string | null = null): this {
    this.status = { code, message };
    return this;
  }

  /** Adds an `exception` event as the OpenTelemetry semantic conventions describe it. */
  recordException(error: unknown): this {
    const isError = error instanceof Error;
    this.events.push({
      name: "exception",
      timeNs: nowUnixNano().toString(),
      attributes: {
        "exception.type": isError ? error.name : typeof error,
        "exception.message": isError ? error.message : String(error),
        ...(isError && error.stack ? { "exception.stacktrace": error.stack } : {}),
      },
    });
    return this;
  }

  end(endTimeNs: bigint = nowUnixNano()): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.sampled) return;
    this.exportSpan({
      traceId: this.context.traceId,
      spanId: this.context.spanId,
      parentSpanId: this.context.parentSpanId ?? null,
      name: this.name,
      kind: this.kind,
      startTimeNs: this.startTimeNs,
      endTimeNs: endTimeNs < this.startTimeNs ? this.startTimeNs : endTimeNs,
      statusCode: this.status.code,
      statusMessage: this.status.message,
      serviceName: SELF_SERVICE_NAME,
      resourceAttributes: SELF_RESOURCE,
      attributes: this.attributes,
      events: this.events,
      links: [],
      scopeName: SELF_SCOPE.name,
      scopeVersion: SELF_SCOPE.version,
      traceState: this.context.traceState?.serialize() || null,
    });
  }
}
