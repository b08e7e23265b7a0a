// A scenario is planned as plain data first (which service does what, how long its own
// work takes, what it calls), then laid out in time (layout.ts) and emitted through the
// SDK (emit.ts). Keeping the plan pure makes every flow testable without exporting.
import { SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";
import type { ServiceName } from "./services";

export interface PlanException {
  /** `exception.type`, e.g. `CardDeclinedError`. */
  type: string;
  message: string;
  stack: string;
}

export interface PlanEvent {
  name: string;
  /** Recorded at the span's start or just before its end. */
  at: "start" | "end";
  attributes?: Attributes;
}

export interface PlanLink {
  /** A span of an earlier trace in the same plan (a producer, typically). */
  to: PlanNode;
  attributes?: Attributes;
}

export interface PlanNode {
  service: ServiceName;
  /** Instrumentation scope name, like `@opentelemetry/instrumentation-pg`. */
  scope: string;
  name: string;
  kind: SpanKind;
  attributes: Attributes;
  status: { code: SpanStatusCode; message?: string };
  exception?: PlanException;
  events: PlanEvent[];
  links: PlanLink[];
  /** Nanoseconds between the parent's cursor (or the previous sibling) and this start. */
  delay: number;
  /** Own work before the first child, in nanoseconds. */
  before: number;
  /** Own work after the last child, in nanoseconds. */
  after: number;
  /** How many children run at once: 1 is sequential, Infinity is all in parallel. */
  concurrency: number;
  /** Fire and forget: starts at the parent's cursor but neither waits nor is awaited. */
  detached: boolean;
  children: PlanNode[];
}

export interface PlanTrace {
  root: PlanNode;
  /** Starts `delay` ns after this node (of an earlier trace) ends, else at the plan start. */
  follows?: PlanNode;
  delay: number;
}

export interface Plan {
  scenario: string;
  traces: PlanTrace[];
  /** Where a slow outlier spends its extra time (a lock wait, a slow upstream). */
  bottleneck?: PlanNode;
}

export type NodeSpec = Pick<PlanNode, "service" | "scope" | "name"> &
  Partial<Omit<PlanNode, "service" | "scope" | "name" | "children">>;

export function span(spec: NodeSpec, children: PlanNode[] = []): PlanNode {
  return {
    kind: SpanKind.INTERNAL,
    attributes: {},
    status: { code: SpanStatusCode.UNSET },
    events: [],
    links: [],
    delay: 0,
    before: 0,
    after: 0,
    concurrency: 1,
    detached: false,
    ...spec,
    children,
  };
}

/** Every node of a tree in depth-first pre-order, iteratively (import traces are big). */
export function walk(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return out;
}

export function countSpans(plan: Plan): number {
  return plan.traces.reduce((sum, t) => sum + walk(t.root).length, 0);
}
