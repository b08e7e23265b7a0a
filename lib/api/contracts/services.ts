import { z } from "zod";
import { SpanKindParam } from "@/lib/query/params/span-enum-params";
import { defineEndpoint } from "../endpoint";
import { SpanKindName } from "./span-fields";
import { UnixNano } from "./trace-summary";

export const ServiceInfo = z.object({
  name: z.string(),
  operationCount: z.number().int().meta({ description: "Distinct (span name, span kind) pairs" }),
  spanKinds: z.array(SpanKindName),
  lastSeenUnixNano: UnixNano.meta({ description: "Latest span start seen (refreshed about once a minute)" }),
});

export const ServiceList = z.object({ services: z.array(ServiceInfo).meta({ description: "By name" }) });
export type ServiceList = z.infer<typeof ServiceList>;

export const ListServicesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/services",
  summary: "Services seen, with their operation counts and span kinds",
  tags: ["services"],
  response: ServiceList,
  access: "read",
});

export const OperationInfo = z.object({
  name: z.string().meta({ description: "Span name" }),
  spanKind: SpanKindName,
  lastSeenUnixNano: UnixNano,
});

export const OperationList = z.object({
  service: z.string(),
  operations: z.array(OperationInfo).meta({ description: "By name, then kind" }),
});
export type OperationList = z.infer<typeof OperationList>;

export const ListOperationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/services/{service}/operations",
  summary: "Operations (span name and kind) of one service",
  description: "An unknown service (no operation stored) answers 404; a known one with no operation of the `kind` asked, an empty list.",
  tags: ["services"],
  params: z.object({ service: z.string().min(1) }),
  query: z.object({ kind: SpanKindParam.optional() }),
  response: OperationList,
  errors: [400, 404],
  access: "read",
});
