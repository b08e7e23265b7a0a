// The shop's services: one TracerProvider each, with its own resource, exporting to the
// same endpoint, exactly as separately deployed services would.
import type { Tracer } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  type IdGenerator,
  NodeTracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_K8S_POD_NAME,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_NAMESPACE,
  ATTR_SERVICE_VERSION,
  ATTR_TELEMETRY_SDK_LANGUAGE,
  ATTR_TELEMETRY_SDK_NAME,
  ATTR_TELEMETRY_SDK_VERSION,
} from "@opentelemetry/semantic-conventions";
import { SDK_INFO } from "@opentelemetry/core";
import { scopeVersion } from "./scopes";

export const SERVICE_NAMES = [
  "web-frontend",
  "api-gateway",
  "checkout",
  "payments",
  "inventory",
  "fulfillment",
  "email",
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface ServiceInfo {
  version: string;
  /** Host and port other services call it on (its Kubernetes service). */
  host: string;
  port: number;
  scheme: "http" | "https";
  /** Pod name, so each service looks like one replica of a deployment. */
  pod: string;
  /** Pod IP, the `client.address` its callees see. */
  ip: string;
}

export const SERVICES: Record<ServiceName, ServiceInfo> = {
  "web-frontend": { version: "3.14.2", host: "shop.example.com", port: 443, scheme: "https", pod: "web-frontend-6f9c7d8b5-x2kqp", ip: "10.42.0.17" },
  "api-gateway": { version: "1.22.0", host: "api-gateway", port: 8080, scheme: "http", pod: "api-gateway-7b5d9c6f4-m8zrt", ip: "10.42.1.23" },
  checkout: { version: "2.8.1", host: "checkout", port: 8080, scheme: "http", pod: "checkout-5c8f6b7d9-q4wnl", ip: "10.42.2.31" },
  payments: { version: "1.9.4", host: "payments", port: 8080, scheme: "http", pod: "payments-84d6c5b7f-h7vjs", ip: "10.42.3.12" },
  inventory: { version: "4.2.0", host: "inventory", port: 8080, scheme: "http", pod: "inventory-69b8f4c7d-t3kxm", ip: "10.42.1.45" },
  fulfillment: { version: "1.3.7", host: "fulfillment", port: 8080, scheme: "http", pod: "fulfillment-worker-7f6d5c8b9-p9rfd", ip: "10.42.4.8" },
  email: { version: "0.11.3", host: "email", port: 8080, scheme: "http", pod: "email-worker-5d7c9b6f8-w2hcz", ip: "10.42.4.19" },
};

export const DEPLOYMENT_ENVIRONMENT = "production";

export interface ServiceProviders {
  tracer(service: ServiceName, scope: string): Tracer;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface ProviderSetup {
  idGenerator: IdGenerator;
  /** One exporter per service, as each deployed service has its own. */
  exporterFor(service: ServiceName): SpanExporter;
  processorFor(exporter: SpanExporter): SpanProcessor;
}

export function serviceResourceAttributes(service: ServiceName) {
  const info = SERVICES[service];
  return {
    [ATTR_SERVICE_NAME]: service,
    [ATTR_SERVICE_VERSION]: info.version,
    [ATTR_SERVICE_NAMESPACE]: "shop",
    [ATTR_SERVICE_INSTANCE_ID]: info.pod,
    [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: DEPLOYMENT_ENVIRONMENT,
    [ATTR_K8S_POD_NAME]: info.pod,
    [ATTR_TELEMETRY_SDK_NAME]: SDK_INFO[ATTR_TELEMETRY_SDK_NAME],
    [ATTR_TELEMETRY_SDK_LANGUAGE]: SDK_INFO[ATTR_TELEMETRY_SDK_LANGUAGE],
    [ATTR_TELEMETRY_SDK_VERSION]: SDK_INFO[ATTR_TELEMETRY_SDK_VERSION],
  };
}

export function createServiceProviders(setup: ProviderSetup): ServiceProviders {
  const providers = new Map<ServiceName, NodeTracerProvider>();
  for (const service of SERVICE_NAMES) {
    providers.set(
      service,
      new NodeTracerProvider({
        resource: resourceFromAttributes(serviceResourceAttributes(service)),
        idGenerator: setup.idGenerator,
        spanProcessors: [setup.processorFor(setup.exporterFor(service))],
      }),
    );
  }
  const all = [...providers.values()];
  return {
    tracer: (service, scope) => providers.get(service)!.getTracer(scope, scopeVersion(scope)),
    forceFlush: async () => {
      await Promise.all(all.map((provider) => provider.forceFlush()));
    },
    shutdown: async () => {
      await Promise.all(all.map((provider) => provider.shutdown()));
    },
  };
}
