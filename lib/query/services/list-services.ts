import "server-only";
import type { OperationList, ServiceList } from "@/lib/api/contracts/services";
import { hasService, readOperations, readServiceOperationCounts } from "@/lib/store/read/operations";
import { spanKindName } from "../params/span-enum-params";

/** Every service with an operation stored, with its operation count, span kinds and last activity. */
export async function listServices(): Promise<ServiceList> {
  const services = new Map<string, ServiceList["services"][number] & { lastSeenNs: bigint }>();
  for (const group of await readServiceOperationCounts()) {
    let service = services.get(group.serviceName);
    if (!service) {
      service = { name: group.serviceName, operationCount: 0, spanKinds: [], lastSeenUnixNano: "0", lastSeenNs: 0n };
      services.set(group.serviceName, service);
    }
    service.operationCount += group.operationCount;
    service.spanKinds.push(spanKindName(group.kind));
    if (group.lastSeenNs > service.lastSeenNs) service.lastSeenNs = group.lastSeenNs;
  }
  return {
    services: [...services.values()].map(({ lastSeenNs, ...service }) => ({ ...service, lastSeenUnixNano: lastSeenNs.toString() })),
  };
}

/** The operations of `service`, optionally of one kind; null when the service is unknown. */
export async function listOperations(service: string, kind?: number): Promise<OperationList | null> {
  const operations = await readOperations(service, kind);
  if (operations.length === 0 && !(await hasService(service))) return null;
  return {
    service,
    operations: operations.map((operation) => ({
      name: operation.spanName,
      spanKind: spanKindName(operation.kind),
      lastSeenUnixNano: operation.lastSeenNs.toString(),
    })),
  };
}
