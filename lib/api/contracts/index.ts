import type { Endpoint } from "../endpoint";
import {
  GetAuditStatisticsEndpoint,
  GetEngagementReportEndpoint,
  ListAuditEventsEndpoint,
  ListAuditEventsOfResourceEndpoint,
  ListAuditEventsOfSessionEndpoint,
  ListAuditEventsOfTraceEndpoint,
  ListAuditEventsOfUserEndpoint,
  RecordAuditEventEndpoint,
  VerifyAuditChainEndpoint,
} from "./audit";
import {
  GetJaegerDependenciesEndpoint,
  GetJaegerTraceEndpoint,
  GetJaegerGatewayTraceEndpoint,
  ListJaegerOperationsEndpoint,
  ListJaegerServiceOperationsEndpoint,
  ListJaegerServicesEndpoint,
  ListJaegerGatewayOperationsEndpoint,
  ListJaegerGatewayServicesEndpoint,
  SearchJaegerTracesEndpoint,
  SearchJaegerGatewayTracesEndpoint,
} from "./jaeger";
import {
  GetZipkinDependenciesEndpoint,
  GetZipkinTraceEndpoint,
  GetZipkinTracesEndpoint,
  IngestZipkinSpansUnderPrefixEndpoint,
  ListZipkinAutocompleteKeysEndpoint,
  ListZipkinAutocompleteValuesEndpoint,
  ListZipkinRemoteServicesEndpoint,
  ListZipkinServicesEndpoint,
  ListZipkinSpanNamesEndpoint,
  SearchZipkinTracesEndpoint,
} from "./zipkin";
import {
  GetTempoBuildInfoEndpoint,
  GetTempoTraceEndpoint,
  GetTempoTraceByIdResponseEndpoint,
  ListTempoTagsEndpoint,
  ListTempoScopedTagsEndpoint,
  ListTempoTagValuesEndpoint,
  ListTempoTypedTagValuesEndpoint,
  SearchTempoTracesEndpoint,
  GetTempoEchoEndpoint,
} from "./tempo";
import { ListAttributeKeysEndpoint, ListAttributeValuesEndpoint } from "./attributes";
import { RunCleanupEndpoint } from "./cleanup";
import { GetTraceComparisonEndpoint } from "./compare";
import { CorrelateTraceEndpoint } from "./correlate";
import { GetDependenciesEndpoint } from "./dependencies";
import { GetHealthEndpoint } from "./health";
import { IngestNativeSpansEndpoint, IngestOtlpTracesEndpoint, IngestZipkinSpansEndpoint, RecordDashboardSpansEndpoint } from "./ingest";
import { GetOpenApiDocumentEndpoint } from "./openapi";
import { GetTraceContextEndpoint, RunPropagationTestEndpoint } from "./propagation";
import { GetMetricsEndpoint } from "./metrics";
import { ListOperationsEndpoint, ListServicesEndpoint } from "./services";
import { GetStatisticsEndpoint } from "./statistics";
import { GetSpanEndpoint } from "./span-detail";
import { GetSpanLinksEndpoint } from "./span-links";
import { GetTraceEndpoint, SearchTracesEndpoint } from "./traces";

/**
 * Every route's contract. The OpenAPI document is built from this list, and a test
 * fails when a route under app/api or app/v1 has a method that is not in it.
 */
export const ALL_ENDPOINTS: readonly Endpoint[] = [
  GetHealthEndpoint,
  IngestOtlpTracesEndpoint,
  IngestZipkinSpansEndpoint,
  IngestNativeSpansEndpoint,
  RecordDashboardSpansEndpoint,
  RunCleanupEndpoint,
  GetTraceContextEndpoint,
  RunPropagationTestEndpoint,
  GetOpenApiDocumentEndpoint,
  SearchTracesEndpoint,
  GetTraceEndpoint,
  GetSpanEndpoint,
  GetSpanLinksEndpoint,
  GetTraceComparisonEndpoint,
  ListAttributeKeysEndpoint,
  ListAttributeValuesEndpoint,
  ListServicesEndpoint,
  ListOperationsEndpoint,
  RecordAuditEventEndpoint,
  ListAuditEventsEndpoint,
  ListAuditEventsOfTraceEndpoint,
  ListAuditEventsOfUserEndpoint,
  ListAuditEventsOfSessionEndpoint,
  ListAuditEventsOfResourceEndpoint,
  VerifyAuditChainEndpoint,
  GetAuditStatisticsEndpoint,
  GetEngagementReportEndpoint,
  CorrelateTraceEndpoint,
  GetMetricsEndpoint,
  GetDependenciesEndpoint,
  GetStatisticsEndpoint,
  ListJaegerServicesEndpoint,
  ListJaegerServiceOperationsEndpoint,
  ListJaegerOperationsEndpoint,
  SearchJaegerTracesEndpoint,
  GetJaegerTraceEndpoint,
  GetJaegerDependenciesEndpoint,
  ListJaegerGatewayServicesEndpoint,
  ListJaegerGatewayOperationsEndpoint,
  SearchJaegerGatewayTracesEndpoint,
  GetJaegerGatewayTraceEndpoint,
  ListZipkinServicesEndpoint,
  ListZipkinSpanNamesEndpoint,
  IngestZipkinSpansUnderPrefixEndpoint,
  ListZipkinRemoteServicesEndpoint,
  SearchZipkinTracesEndpoint,
  GetZipkinTraceEndpoint,
  GetZipkinTracesEndpoint,
  GetZipkinDependenciesEndpoint,
  ListZipkinAutocompleteKeysEndpoint,
  ListZipkinAutocompleteValuesEndpoint,
  GetTempoEchoEndpoint,
  GetTempoBuildInfoEndpoint,
  SearchTempoTracesEndpoint,
  ListTempoTagsEndpoint,
  ListTempoScopedTagsEndpoint,
  ListTempoTagValuesEndpoint,
  ListTempoTypedTagValuesEndpoint,
  GetTempoTraceEndpoint,
  GetTempoTraceByIdResponseEndpoint,
];
