import type { Endpoint } from "../endpoint";
import {
  AuditEventsOfResourceEndpoint,
  AuditEventsOfSessionEndpoint,
  AuditEventsOfTraceEndpoint,
  AuditEventsOfUserEndpoint,
  AuditStatisticsEndpoint,
  EngagementReportEndpoint,
  ListAuditEventsEndpoint,
  RecordAuditEventEndpoint,
  VerifyAuditChainEndpoint,
} from "./audit";
import { CleanupEndpoint } from "./cleanup";
import { CorrelateTraceEndpoint } from "./correlate";
import { dependenciesEndpoint } from "./dependencies";
import { HealthEndpoint } from "./health";
import { NativeSpansEndpoint, OtlpTracesEndpoint, ZipkinSpansEndpoint } from "./ingest";
import { OpenApiEndpoint } from "./openapi";
import { ContextEndpoint, PropagationTestEndpoint } from "./propagation";
import { metricsEndpoint } from "./metrics";
import { ListOperations, ListServices } from "./services";
import { statisticsEndpoint } from "./statistics";
import { GetTrace, SearchTraces } from "./traces";

/**
 * Every route's contract. The OpenAPI document is built from this list, and a test
 * fails when a route under app/api or app/v1 has a method that is not in it.
 */
export const ALL_ENDPOINTS: readonly Endpoint[] = [
  HealthEndpoint,
  OtlpTracesEndpoint,
  ZipkinSpansEndpoint,
  NativeSpansEndpoint,
  CleanupEndpoint,
  ContextEndpoint,
  PropagationTestEndpoint,
  OpenApiEndpoint,
  SearchTraces,
  GetTrace,
  ListServices,
  ListOperations,
  RecordAuditEventEndpoint,
  ListAuditEventsEndpoint,
  AuditEventsOfTraceEndpoint,
  AuditEventsOfUserEndpoint,
  AuditEventsOfSessionEndpoint,
  AuditEventsOfResourceEndpoint,
  VerifyAuditChainEndpoint,
  AuditStatisticsEndpoint,
  EngagementReportEndpoint,
  CorrelateTraceEndpoint,
  metricsEndpoint,
  dependenciesEndpoint,
  statisticsEndpoint,
];
