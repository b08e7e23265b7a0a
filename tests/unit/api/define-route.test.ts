import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Access } from "@/lib/api/endpoint";
import { defineEndpoint } from "@/lib/api/endpoint";
import { defineRoute, type RouteContext } from "@/lib/api/define-route";

/** defineRoute on small hand-made contracts: access, then params, query and body, then the answer. */

const Thing = z.object({ group: z.string(), limit: z.number(), name: z.string() });

const createThing = defineEndpoint({
  method: "POST",
  path: "/api/things/{group}",
  summary: "Create a thing",
  tags: ["things"],
  params: z.object({ group: z.enum(["a", "b"]) }),
  query: z.object({ limit: z.coerce.number().int().max(10).default(5) }),
  body: z.object({ name: z.string().min(1) }).nullable(),
  response: Thing,
  successStatus: 201,
  access: "public",
});

const route = defineRoute(createThing, ({ params, query, body }) => ({ group: params.group, limit: query.limit, name: body?.name ?? "unnamed" }));

const URL_OF = "http://localhost/api/things/a";
const withParams = (params: Record<string, string>): RouteContext => ({ params: Promise.resolve(params) });
/** A POST as a JSON client sends it (a string body alone would be `text/plain`). */
const post = (url: string, body?: string, headers: Record<string, string> = {}) =>
  new NextRequest(url, { method: "POST", body, headers: body === undefined ? headers : { "content-type": "application/json", ...headers } });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; details?: Array<{ path: string }> } }).error;
}

describe("defineRoute parsing", () => {
  it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])("a_json_body_sent_as_%s_is_415", async (contentType) => {
    const response = await route(post(URL_OF, JSON.stringify({ name: "x" }), { "content-type": contentType }), withParams({ group: "a" }));
    expect(response.status).toBe(415);
    expect((await errorOf(response)).message).toMatch(/send application\/json/);
  });

  it("accepts_a_json_media_type_with_parameters_or_a_json_suffix", async () => {
    for (const contentType of ["application/json; charset=utf-8", "application/merge-patch+json"]) {
      expect((await route(post(URL_OF, JSON.stringify({ name: "x" }), { "content-type": contentType }), withParams({ group: "a" }))).status).toBe(201);
    }
  });

  it("hands_the_parsed_params_query_and_body_to_the_handler_and_answers_json_with_the_success_status", async () => {
    const response = await route(post(`${URL_OF}?limit=7`, JSON.stringify({ name: "x" })), withParams({ group: "a" }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ group: "a", limit: 7, name: "x" });
  });

  it("reads_an_empty_body_as_null_and_applies_query_defaults", async () => {
    const response = await route(post(URL_OF), withParams({ group: "b" }));
    expect(await response.json()).toEqual({ group: "b", limit: 5, name: "unnamed" });
  });

  it.each<[string, string, string | undefined, Record<string, string>, string]>([
    ["badParam", URL_OF, undefined, { group: "c" }, "group"],
    ["missingParams", URL_OF, undefined, {}, "group"],
    ["badQuery", `${URL_OF}?limit=50`, undefined, { group: "a" }, "limit"],
    ["badBody", URL_OF, JSON.stringify({ name: "" }), { group: "a" }, "name"],
    ["nulInParam", URL_OF, undefined, { group: "a\u0000" }, "group"],
    ["nulInQuery", `${URL_OF}?limit=%00`, undefined, { group: "a" }, "limit"],
    ["nulInBody", URL_OF, JSON.stringify({ name: "x\u0000" }), { group: "a" }, "name"],
    ["loneSurrogateInBody", URL_OF, '{"name":"x\\ud800y"}', { group: "a" }, "name"],
    ["loneSurrogateInBodyKey", URL_OF, '{"name":"x","\\udc00":1}', { group: "a" }, "\udc00"],
  ])("%s_400_in_the_error_envelope_naming_the_field", async (_name, url, body, params, path) => {
    const response = await route(post(url, body), withParams(params));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((issue) => issue.path)).toEqual([path]);
    expect(error.message).toMatch(new RegExp(`^${path}: `));
  });

  it("malformed_json_400", async () => {
    const response = await route(post(URL_OF, "{"), withParams({ group: "a" }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/^Malformed JSON body/);
  });

  it("passes_a_response_the_handler_built_through_as_it_is", async () => {
    const raw = defineRoute(createThing, () => new Response("<xml/>", { status: 200, headers: { "content-type": "text/xml" } }));
    const response = await raw(post(URL_OF), withParams({ group: "a" }));
    expect(response.headers.get("content-type")).toBe("text/xml");
    expect(await response.text()).toBe("<xml/>");
  });

  it("leaves_the_body_to_a_handler_that_reads_it_itself", async () => {
    const upload = defineRoute({ ...createThing, params: undefined, bodyReadByHandler: true }, async ({ body, request }) =>
      Response.json({ body: body ?? "unparsed", text: await request.text() }),
    );
    const response = await upload(post(URL_OF, "not json at all"), undefined);
    expect(await response.json()).toEqual({ body: "unparsed", text: "not json at all" });
  });
});

describe("defineRoute access", () => {
  afterEach(() => vi.unstubAllEnvs());

  const TOKENS = { read: "read-s3cret", ingest: "ingest-s3cret", admin: "admin-s3cret" };
  const basic = (password: string) => `Basic ${Buffer.from(`anyone:${password}`).toString("base64")}`;

  function guarded(access: Access) {
    vi.stubEnv("TRACEBOARD_READ_TOKEN", TOKENS.read);
    vi.stubEnv("TRACEBOARD_INGEST_TOKEN", TOKENS.ingest);
    vi.stubEnv("TRACEBOARD_ADMIN_TOKEN", TOKENS.admin);
    return defineRoute({ ...createThing, access }, () => ({ group: "a", limit: 1, name: "ran" }));
  }

  it.each<[string, Access, string | undefined, number]>([
    ["public_without_credentials", "public", undefined, 201],
    ["read_without_credentials", "read", undefined, 401],
    ["read_bearer", "read", `Bearer ${TOKENS.read}`, 201],
    ["read_basic_password", "read", basic(TOKENS.read), 201],
    ["read_with_the_admin_token", "read", `Bearer ${TOKENS.admin}`, 401],
    ["ingest_without_credentials", "ingest", undefined, 401],
    ["ingest_bearer", "ingest", `Bearer ${TOKENS.ingest}`, 201],
    ["ingest_basic_is_not_bearer", "ingest", basic(TOKENS.ingest), 401],
    ["ingest_with_the_read_token", "ingest", `Bearer ${TOKENS.read}`, 401],
    ["admin_without_credentials", "admin", undefined, 401],
    ["admin_bearer", "admin", `Bearer ${TOKENS.admin}`, 201],
    ["admin_with_the_ingest_token", "admin", `Bearer ${TOKENS.ingest}`, 401],
  ])("%s", async (_name, access, authorization, status) => {
    const response = await guarded(access)(post(URL_OF, undefined, authorization ? { authorization } : {}), withParams({ group: "a" }));
    expect(response.status).toBe(status);
  });

  it.each<[Access, string, RegExp]>([
    ["read", 'Basic realm="Traceboard", charset="UTF-8"', /TRACEBOARD_READ_TOKEN/],
    ["ingest", 'Bearer realm="traceboard-ingest"', /TRACEBOARD_INGEST_TOKEN/],
    ["admin", 'Bearer realm="traceboard-admin"', /TRACEBOARD_ADMIN_TOKEN/],
  ])("%s_refusal_is_a_401_envelope_with_its_challenge", async (access, challenge, message) => {
    const response = await guarded(access)(post(URL_OF), withParams({ group: "a" }));
    expect(response.headers.get("www-authenticate")).toBe(challenge);
    expect(await errorOf(response)).toMatchObject({ code: "unauthorized", message: expect.stringMatching(message) });
  });

  it("checks_access_before_reading_any_input", async () => {
    const response = await guarded("admin")(post(`${URL_OF}?limit=bad`, "{"), withParams({ group: "nope" }));
    expect(response.status).toBe(401);
  });

  it.each<Access>(["read", "ingest", "admin"])("%s_is_open_while_its_token_is_unset", async (access) => {
    vi.stubEnv("TRACEBOARD_READ_TOKEN", "");
    vi.stubEnv("TRACEBOARD_INGEST_TOKEN", "");
    vi.stubEnv("TRACEBOARD_ADMIN_TOKEN", "");
    const open = defineRoute({ ...createThing, access }, () => ({ group: "a", limit: 1, name: "ran" }));
    expect((await open(post(URL_OF), withParams({ group: "a" }))).status).toBe(201);
  });

  it("answers_a_refusal_in_the_route_s_own_shape_when_given_one", async () => {
    vi.stubEnv("TRACEBOARD_INGEST_TOKEN", TOKENS.ingest);
    const ingest = defineRoute({ ...createThing, access: "ingest" }, () => ({ group: "a", limit: 1, name: "ran" }), {
      refuse: (_request, { message, challenge }) => Response.json({ code: 16, message }, { status: 401, headers: { "WWW-Authenticate": challenge ?? "" } }),
    });
    const response = await ingest(post(URL_OF), withParams({ group: "a" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 16, message: expect.stringMatching(/TRACEBOARD_INGEST_TOKEN/) });
  });
});
