// Code running inside a service (business logic, rendering, validation): INTERNAL spans.
import { SpanKind, type Attributes } from "@opentelemetry/api";
import { ms } from "../latency";
import { span, type PlanNode } from "../plan";
import type { Random } from "../random";
import { SCOPES } from "../scopes";
import type { ServiceName } from "../services";

export interface WorkOptions {
  attributes?: Attributes;
  /** How many children run at once (1 = one after another). */
  concurrency?: number;
  scope?: string;
}

/** Code running inside a service as an INTERNAL span; its own time is split around its children. */
export function work(
  random: Random,
  service: ServiceName,
  name: string,
  medianMs: number,
  children: PlanNode[] = [],
  options: WorkOptions = {},
): PlanNode {
  const own = ms(random, medianMs);
  const before = Math.round(own / 3);
  return span(
    {
      service,
      scope: options.scope ?? SCOPES.app.name,
      name,
      kind: SpanKind.INTERNAL,
      attributes: options.attributes ?? {},
      concurrency: options.concurrency ?? 1,
      before,
      after: own - before,
    },
    children,
  );
}
