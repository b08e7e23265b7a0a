import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { timeWindowShape, windowInOrder } from "@/lib/query/params/time-window";
import { UnixNano } from "./trace-summary";

export const DependenciesQuery = z.object({ ...timeWindowShape }).superRefine(windowInOrder());
export type DependenciesQuery = z.output<typeof DependenciesQuery>;

export const DependencyEdge = z.object({
  parent: z.string().meta({ description: "The calling service" }),
  child: z.string().meta({ description: "The called service" }),
  callCount: z.number().int(),
  errorCount: z.number().int().meta({ description: "Calls whose called span has status error" }),
  errorRate: z.number(),
});

export const ServiceNode = z.object({
  service: z.string(),
  spanCount: z.number().int(),
  errorCount: z.number().int(),
});

export const DependenciesResponse = z.object({
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  edges: z.array(DependencyEdge).meta({ description: "Most calls first" }),
  nodes: z.array(ServiceNode).meta({ description: "Every service with a span or an edge in the window, most spans first" }),
});
export type DependenciesResponse = z.infer<typeof DependenciesResponse>;

export const GetDependenciesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/dependencies",
  summary: "Service graph: calls between services, with error counts",
  description:
    "An edge counts spans whose parent span belongs to another service, in the window of the parent's start. " +
    "A Zipkin shared server span is called by its client half (same span id). Nodes count spans by their own start. Default window: the last hour.",
  tags: ["dependencies"],
  query: DependenciesQuery,
  response: DependenciesResponse,
  errors: [400],
  access: "read",
});
