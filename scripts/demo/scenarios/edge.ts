// The way in: a browser request to the web frontend, whose handler calls the API
// gateway, which checks the session before routing to a backend service.
import { redis } from "../builders/db";
import { httpCall, httpServer, type HttpRequest } from "../builders/http";
import { work } from "../builders/internal";
import type { PlanException, PlanNode } from "../plan";
import { SCOPES } from "../scopes";
import type { Random } from "../random";
import { ATTR_USER_ID } from "./attributes";
import type { Visitor } from "./shop-data";

/** The web frontend's SERVER span for a page or API request from a browser. */
export function frontend(
  random: Random,
  visitor: Visitor,
  request: HttpRequest,
  children: PlanNode[],
  failure?: PlanException,
): PlanNode {
  return httpServer(
    random,
    { ...request, service: "web-frontend", clientAddress: visitor.address, userAgent: visitor.userAgent, exception: failure },
    children,
  );
}

/**
 * Next.js rendering a route: the data fetches inside run in parallel, the render
 * itself takes `renderMs` after them.
 */
export function renderRoute(random: Random, route: string, renderMs: number, fetches: PlanNode[]): PlanNode {
  return work(random, "web-frontend", `render route (app) ${route}`, renderMs, fetches, {
    concurrency: Infinity,
    scope: SCOPES.next.name,
  });
}

/** The gateway resolves the session cookie (a Redis lookup) before routing. */
export function authenticate(random: Random, visitor: Visitor): PlanNode {
  return work(
    random,
    "api-gateway",
    "authenticate",
    0.15,
    [redis(random, { service: "api-gateway", command: "GET", text: `GET session:${visitor.userId}` })],
    { attributes: { [ATTR_USER_ID]: visitor.userId } },
  );
}

/** web-frontend → api-gateway; the gateway authenticates signed-in visitors first. */
export function gatewayCall(
  random: Random,
  visitor: Visitor | null,
  request: HttpRequest,
  children: PlanNode[],
): PlanNode {
  const auth = visitor ? [authenticate(random, visitor)] : [];
  return httpCall(random, { ...request, from: "web-frontend", to: "api-gateway" }, [...auth, ...children]);
}
