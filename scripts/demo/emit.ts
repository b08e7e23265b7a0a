// Emits a laid-out plan through the SDK: each span is started and ended with explicit
// backdated times, by its own service's tracer. Where a child runs in another service,
// its parent context travels in W3C headers (propagate.ts), as between real processes.
import { ROOT_CONTEXT, SpanStatusCode, trace, type Context, type Link } from "@opentelemetry/api";
import { toHrTime } from "./clock";
import type { Layout } from "./layout";
import { walk, type Plan, type PlanNode } from "./plan";
import { extractHeaders, injectHeaders, type Headers } from "./propagate";
import type { ServiceName, ServiceProviders } from "./services";

export interface EmitResult {
  spans: number;
  /** Spans with status ERROR. */
  errorSpans: number;
  traceIds: string[];
  services: Set<ServiceName>;
}

interface EmitState {
  layout: Layout;
  startNs: bigint;
  providers: Pick<ServiceProviders, "tracer">;
  linkTargets: Set<PlanNode>;
  /** Headers of messages whose producers other traces link to. */
  sentHeaders: Map<PlanNode, Headers>;
  result: EmitResult;
}

function at(state: EmitState, offsetNs: number) {
  return toHrTime(state.startNs + BigInt(Math.round(offsetNs)));
}

function linksOf(node: PlanNode, state: EmitState): Link[] {
  return node.links.map((link) => {
    const headers = state.sentHeaders.get(link.to);
    const context = headers && trace.getSpanContext(extractHeaders(headers));
    if (!context) throw new Error(`${node.name}: links to a span that was not emitted before it`);
    return { context, attributes: link.attributes };
  });
}

// Recursion depth is the plan's nesting depth (about ten), not its size.
function emitNode(node: PlanNode, parent: Context, parentService: ServiceName | null, state: EmitState): string {
  const context = parentService !== null && parentService !== node.service ? extractHeaders(injectHeaders(parent)) : parent;
  const times = state.layout.times.get(node);
  if (!times) throw new Error(`${node.name}: not laid out`);
  const start = at(state, times.start);
  const end = at(state, times.end);

  const span = state.providers.tracer(node.service, node.scope).startSpan(
    node.name,
    { kind: node.kind, attributes: node.attributes, links: linksOf(node, state), startTime: start },
    context,
  );
  const spanContext = trace.setSpan(context, span);
  if (state.linkTargets.has(node)) state.sentHeaders.set(node, injectHeaders(spanContext));

  for (const event of node.events) {
    if (event.at === "start") span.addEvent(event.name, event.attributes, start);
  }
  for (const child of node.children) emitNode(child, spanContext, node.service, state);
  for (const event of node.events) {
    if (event.at === "end") span.addEvent(event.name, event.attributes, end);
  }
  if (node.exception) {
    const { type, message, stack } = node.exception;
    span.recordException({ name: type, message, stack }, end);
  }
  if (node.status.code !== SpanStatusCode.UNSET) span.setStatus(node.status);
  span.end(end);

  state.result.spans++;
  if (node.status.code === SpanStatusCode.ERROR) state.result.errorSpans++;
  state.result.services.add(node.service);
  return span.spanContext().traceId;
}

export function emitPlan(
  plan: Plan,
  layout: Layout,
  startNs: bigint,
  providers: Pick<ServiceProviders, "tracer">,
): EmitResult {
  const linkTargets = new Set<PlanNode>();
  for (const { root } of plan.traces) {
    for (const node of walk(root)) for (const link of node.links) linkTargets.add(link.to);
  }
  const state: EmitState = {
    layout,
    startNs,
    providers,
    linkTargets,
    sentHeaders: new Map(),
    result: { spans: 0, errorSpans: 0, traceIds: [], services: new Set() },
  };
  for (const { root } of plan.traces) {
    state.result.traceIds.push(emitNode(root, ROOT_CONTEXT, null, state));
  }
  return state.result;
}
