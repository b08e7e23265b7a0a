// HTTP spans with the stable HTTP semantic conventions: a SERVER span per handled
// request, and for calls between services a CLIENT span in the caller whose only child
// is the callee's SERVER span (emit.ts carries the context across in W3C headers).
import { SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";
import {
  ATTR_CLIENT_ADDRESS,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
  ATTR_URL_PATH,
  ATTR_URL_QUERY,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from "@opentelemetry/semantic-conventions";
import { hop, ms } from "../latency";
import { span, type PlanException, type PlanNode } from "../plan";
import type { Random } from "../random";
import { SCOPES } from "../scopes";
import { SERVICES, type ServiceName } from "../services";
import { ATTR_URL_TEMPLATE } from "./incubating";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface HttpRequest {
  method: HttpMethod;
  /** The route template, like `/orders/{id}`. */
  route: string;
  /** The concrete path, like `/orders/ord_81f2`. */
  path: string;
  query?: string;
  status: number;
}

export interface ServerSpec extends HttpRequest {
  service: ServiceName;
  clientAddress: string;
  userAgent?: string;
  /** An error the handler threw (recorded on the server span). */
  exception?: PlanException;
  /** Extra handler work before and after the children, in nanoseconds. */
  before?: number;
  after?: number;
  concurrency?: number;
  attributes?: Attributes;
}

export interface CallSpec extends HttpRequest {
  from: ServiceName;
  to: ServiceName;
  /** Handler-side options for the callee's SERVER span. */
  server?: Pick<ServerSpec, "exception" | "before" | "after" | "concurrency" | "attributes">;
}

export interface ExternalCallSpec extends HttpRequest {
  from: ServiceName;
  host: string;
  /** Median response time of the remote API, in milliseconds. */
  medianMs: number;
  exception?: PlanException;
}

function defaultPort(scheme: string, port: number): boolean {
  return (scheme === "https" && port === 443) || (scheme === "http" && port === 80);
}

export function fullUrl(scheme: string, host: string, port: number, path: string, query?: string): string {
  const authority = defaultPort(scheme, port) ? host : `${host}:${port}`;
  return `${scheme}://${authority}${path}${query ? `?${query}` : ""}`;
}

/** Server spans are errors on 5xx only; a 4xx is the client's problem. */
function serverStatus(status: number, exception?: PlanException) {
  if (status < 500) return { code: SpanStatusCode.UNSET };
  return { code: SpanStatusCode.ERROR, message: exception?.message };
}

/** Client spans are errors on any 4xx or 5xx. */
function clientStatus(status: number, exception?: PlanException) {
  if (status < 400) return { code: SpanStatusCode.UNSET };
  return { code: SpanStatusCode.ERROR, message: exception?.message };
}

export function httpServer(random: Random, spec: ServerSpec, children: PlanNode[] = []): PlanNode {
  const info = SERVICES[spec.service];
  const isError = spec.status >= 500;
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: spec.method,
    [ATTR_HTTP_ROUTE]: spec.route,
    [ATTR_URL_PATH]: spec.path,
    [ATTR_URL_SCHEME]: info.scheme,
    [ATTR_SERVER_ADDRESS]: info.host,
    [ATTR_SERVER_PORT]: info.port,
    [ATTR_CLIENT_ADDRESS]: spec.clientAddress,
    [ATTR_NETWORK_PROTOCOL_VERSION]: "1.1",
    [ATTR_HTTP_RESPONSE_STATUS_CODE]: spec.status,
    ...spec.attributes,
  };
  if (spec.query) attributes[ATTR_URL_QUERY] = spec.query;
  if (spec.userAgent) attributes[ATTR_USER_AGENT_ORIGINAL] = spec.userAgent;
  if (isError) attributes[ATTR_ERROR_TYPE] = spec.exception?.type ?? String(spec.status);
  return span(
    {
      service: spec.service,
      scope: SCOPES.http.name,
      name: `${spec.method} ${spec.route}`,
      kind: SpanKind.SERVER,
      attributes,
      status: serverStatus(spec.status, spec.exception),
      exception: isError ? spec.exception : undefined,
      before: spec.before ?? ms(random, 0.25),
      after: spec.after ?? ms(random, 0.15),
      concurrency: spec.concurrency ?? 1,
    },
    children,
  );
}

/** A call from one shop service to another: CLIENT span, then the callee's SERVER span. */
export function httpCall(random: Random, spec: CallSpec, serverChildren: PlanNode[] = []): PlanNode {
  const callee = SERVICES[spec.to];
  const server = httpServer(
    random,
    { ...spec, ...spec.server, service: spec.to, clientAddress: SERVICES[spec.from].ip },
    serverChildren,
  );
  server.delay = hop(random);
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: spec.method,
    [ATTR_URL_FULL]: fullUrl(callee.scheme, callee.host, callee.port, spec.path, spec.query),
    [ATTR_URL_TEMPLATE]: spec.route,
    [ATTR_SERVER_ADDRESS]: callee.host,
    [ATTR_SERVER_PORT]: callee.port,
    [ATTR_NETWORK_PROTOCOL_VERSION]: "1.1",
    [ATTR_HTTP_RESPONSE_STATUS_CODE]: spec.status,
  };
  if (spec.status >= 400) attributes[ATTR_ERROR_TYPE] = String(spec.status);
  return span(
    {
      service: spec.from,
      scope: SCOPES.undici.name,
      name: `${spec.method} ${spec.route}`,
      kind: SpanKind.CLIENT,
      attributes,
      status: clientStatus(spec.status),
      before: ms(random, 0.05),
      after: hop(random),
    },
    [server],
  );
}

/** A call to a third-party API (payment provider, mail, carrier): CLIENT span only. */
export function externalCall(random: Random, spec: ExternalCallSpec): PlanNode {
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: spec.method,
    [ATTR_URL_FULL]: fullUrl("https", spec.host, 443, spec.path, spec.query),
    [ATTR_URL_TEMPLATE]: spec.route,
    [ATTR_SERVER_ADDRESS]: spec.host,
    [ATTR_SERVER_PORT]: 443,
    [ATTR_NETWORK_PROTOCOL_VERSION]: "1.1",
    [ATTR_HTTP_RESPONSE_STATUS_CODE]: spec.status,
  };
  if (spec.status >= 400) attributes[ATTR_ERROR_TYPE] = spec.exception?.type ?? String(spec.status);
  return span({
    service: spec.from,
    scope: SCOPES.undici.name,
    name: `${spec.method} ${spec.route}`,
    kind: SpanKind.CLIENT,
    attributes,
    status: clientStatus(spec.status, spec.exception),
    exception: spec.status >= 400 ? spec.exception : undefined,
    before: ms(random, 0.05),
    after: ms(random, spec.medianMs, 0.45),
  });
}
