import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_ENDPOINTS } from "@/lib/api/contracts";
import type { Access } from "@/lib/api/endpoint";
import { openApiDocument } from "@/lib/api/openapi";
import { HTTP_METHODS, loadAppRoutes, routeTemplate } from "./support/app-routes";
import { startTestApp, type TestApp } from "./support/test-app";

/**
 * Every method of every route file, called over HTTP with all three tokens set: the
 * access it enforces is the one its contract declares and its OpenAPI operation states.
 */

const TOKENS = { read: "read-t0ken", ingest: "ingest-t0ken", admin: "admin-t0ken" } as const;
type TokenKind = keyof typeof TOKENS;
const KINDS = Object.keys(TOKENS) as TokenKind[];

/** The OpenAPI security schemes each access rule names (lib/api/openapi/build-document.ts). */
const SCHEMES: Record<Access, string[]> = { public: [], read: ["readPassword", "readToken"], ingest: ["ingestToken"], admin: ["adminToken"] };

/** One value every path parameter accepts (a trace id is 32 hex digits; the others are any label). */
const PATH_VALUE = "4bf92f3577b34da6a3ce929d0e0e4736";

const contracts = new Map(ALL_ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint]));
const ROUTES = Object.entries(await loadAppRoutes()).flatMap(([pattern, module]) =>
  HTTP_METHODS.filter((method) => method in module).map((method) => {
    const template = routeTemplate(pattern);
    return { route: `${method} ${template}`, method, template, path: pattern.replace(/\[[^\]/]+\]/g, PATH_VALUE), access: contracts.get(`${method} ${template}`)?.access };
  }),
);

describe("every route enforces the access of its contract", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_READ_TOKEN: TOKENS.read, TRACEBOARD_INGEST_TOKEN: TOKENS.ingest, TRACEBOARD_ADMIN_TOKEN: TOKENS.admin } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("walks_every_route_file", () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(ALL_ENDPOINTS.length);
    expect(ROUTES.filter((route) => !route.access).map((route) => route.route)).toEqual([]);
  });

  it.each(ROUTES)("$route ($access)", async ({ method, path, access }) => {
    const refused = async (authorization?: string) =>
      (await app.send(path, { method, headers: authorization ? { authorization } : {} })).status === 401;
    const withoutCredentials = (await refused()) ? "401" : "served";
    const openedBy: TokenKind[] = [];
    for (const kind of KINDS) if (!(await refused(`Bearer ${TOKENS[kind]}`))) openedBy.push(kind);
    expect({ withoutCredentials, openedBy }).toEqual(
      access === "public" ? { withoutCredentials: "served", openedBy: KINDS } : { withoutCredentials: "401", openedBy: [access] },
    );
  });

  it.each(ROUTES)("$route: the document states $access", ({ method, template, access }) => {
    const security = openApiDocument().paths[template][method.toLowerCase()].security;
    expect(security.flatMap((requirement) => Object.keys(requirement)).sort()).toEqual(SCHEMES[access!]);
  });
});
