// Test helper: runs a scenario through the real tracer providers into an in-memory
// exporter, and indexes the spans the way a backend would see them.
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { HrTime } from "@opentelemetry/api";
import { emitPlan, type EmitResult } from "@/scripts/demo/emit";
import { seededIdGenerator } from "@/scripts/demo/ids";
import { layoutPlan } from "@/scripts/demo/layout";
import type { Plan } from "@/scripts/demo/plan";
import { createRandom } from "@/scripts/demo/random";
import type { Scenario } from "@/scripts/demo/scenarios";
import { createServiceProviders } from "@/scripts/demo/services";

export const START_NS = 1_764_000_000_000_000_000n;

export interface Emitted {
  plan: Plan;
  spans: ReadableSpan[];
  result: EmitResult;
  byId: Map<string, ReadableSpan>;
}

export function ns(time: HrTime): bigint {
  return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
}

export const serviceOf = (span: ReadableSpan) => String(span.resource.attributes["service.name"]);

export function parentOf(emitted: Emitted, span: ReadableSpan): ReadableSpan | undefined {
  const parentId = span.parentSpanContext?.spanId;
  return parentId === undefined ? undefined : emitted.byId.get(parentId);
}

export function childrenOf(emitted: Emitted, span: ReadableSpan): ReadableSpan[] {
  const id = span.spanContext().spanId;
  return emitted.spans.filter((child) => child.parentSpanContext?.spanId === id);
}

export function depthOf(emitted: Emitted, span: ReadableSpan): number {
  let depth = 0;
  for (let parent = parentOf(emitted, span); parent; parent = parentOf(emitted, parent)) depth++;
  return depth;
}

export function emitScenario(scenario: Scenario, seed: string | number, slowFactor = 1): Emitted {
  const random = createRandom(seed);
  const exporter = new InMemorySpanExporter();
  const providers = createServiceProviders({
    idGenerator: seededIdGenerator(random.fork("ids")),
    exporterFor: () => exporter,
    processorFor: (e) => new SimpleSpanProcessor(e),
  });
  const plan = scenario.build(random.fork("plan"));
  const result = emitPlan(plan, layoutPlan(plan, slowFactor), START_NS, providers);
  const spans = exporter.getFinishedSpans();
  return { plan, spans, result, byId: new Map(spans.map((span) => [span.spanContext().spanId, span])) };
}
