import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEndpoint, type Endpoint } from "@/lib/api/endpoint";
import { buildOpenApiDocument } from "@/lib/api/openapi";

/** The builder on small hand-made contracts: what each Endpoint field becomes in the document. */

const Item = z.object({ id: z.string() });

const listItems = defineEndpoint({
  method: "GET",
  path: "/api/items/{group}",
  summary: "List items",
  tags: ["items"],
  params: z.object({ group: z.string().meta({ description: "Item group" }) }),
  query: z.object({
    limit: z.string().regex(/^\d+$/).transform(Number).optional().meta({ description: "Page size" }),
    kind: z.enum(["a", "b"]),
    tags: z.union([z.string(), z.array(z.string())]).optional(),
  }),
  response: z.object({ items: z.array(Item) }),
  errors: [400, 404],
  access: "read",
});

const build = (...endpoints: Endpoint[]) => buildOpenApiDocument(endpoints, "9.9.9");
const operationOf = (endpoint: Endpoint) => build(endpoint).paths[endpoint.path][endpoint.method.toLowerCase()];

describe("buildOpenApiDocument", () => {
  it("query_and_path_parameters_one_per_property", () => {
    expect(operationOf(listItems).parameters).toEqual([
      { name: "limit", in: "query", required: false, description: "Page size", schema: { type: "string", pattern: "^\\d+$" } },
      { name: "kind", in: "query", required: true, schema: { type: "string", enum: ["a", "b"] } },
      { name: "tags", in: "query", required: false, schema: { type: "array", items: { type: "string" } }, style: "form", explode: true },
      { name: "group", in: "path", required: true, description: "Item group", schema: { type: "string" } },
    ]);
  });

  it("success_answer_and_errors_in_the_shared_envelope", () => {
    const document = build(listItems);
    const operation = document.paths["/api/items/{group}"].get;
    expect(operation.operationId).toBe("getApiItemsByGroup");
    expect(operation.responses).toEqual({
      200: {
        description: "OK",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { items: { type: "array", items: { type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false } } },
              required: ["items"],
              additionalProperties: false,
            },
          },
        },
      },
      400: { $ref: "#/components/responses/Error400" },
      404: { $ref: "#/components/responses/Error404" },
    });
    expect(document.components.responses.Error404.content?.["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorEnvelope" });
    expect(document.components.schemas.ErrorEnvelope).toMatchObject({
      properties: { error: { properties: { code: { enum: expect.arrayContaining(["bad_request", "not_found", "unauthorized"]) } } } },
    });
    expect(document.info).toMatchObject({ version: "9.9.9" });
  });

  const POST_BASE = { method: "POST" as const, path: "/api/things", summary: "s", tags: ["t"], access: "public" as const };

  it.each<[string, Partial<Endpoint>, object]>([
    ["public_has_no_requirement", { access: "public", response: Item }, { security: [] }],
    ["read_token_as_bearer_or_basic_password", { access: "read", response: Item }, { security: [{ readToken: [] }, { readPassword: [] }, {}] }],
    ["ingest_token", { access: "ingest", response: Item }, { security: [{ ingestToken: [] }, {}] }],
    ["admin_token_optional_alternative", { access: "admin", response: Item }, { security: [{ adminToken: [] }, {}] }],
    ["no_body_answer", { response: null, successStatus: 202 }, { responses: { 202: { description: "Accepted" } } }],
    [
      "own_error_body_and_extra_media_types",
      { response: Item, errors: [503], errorBody: z.object({ code: z.number() }), extraMediaTypes: ["application/x-protobuf"] },
      { responses: { 503: { content: { "application/json": { schema: { properties: { code: { type: "number" } } } }, "application/x-protobuf": {} } } } },
    ],
    [
      "body_that_may_be_null_is_optional",
      { response: Item, body: z.array(Item).nullable() },
      { requestBody: { required: false, content: { "application/json": { schema: { anyOf: [{ type: "array" }, { type: "null" }] } } } } },
    ],
    [
      "custom_input_checks_accept_any_json_with_their_description",
      { response: Item, body: z.object({ tags: z.custom<object>(() => true).meta({ description: "free-form" }) }) },
      { requestBody: { required: true, content: { "application/json": { schema: { properties: { tags: { description: "free-form" } } } } } } },
    ],
  ])("%s", (_name, fields, expected) => {
    expect(operationOf({ ...POST_BASE, response: null, ...fields })).toMatchObject(expected);
  });

  it("named_schemas_become_components_and_refs_point_there", () => {
    const Named = z.object({ id: z.string() }).meta({ id: "NamedThing" });
    const document = build({ ...POST_BASE, response: z.object({ a: Named, b: z.array(Named) }) });
    expect(document.components.schemas.NamedThing).toMatchObject({ properties: { id: { type: "string" } } });
    expect(JSON.stringify(document.paths)).not.toContain("$defs");
    expect(document.paths["/api/things"].post.responses[200]).toMatchObject({
      content: { "application/json": { schema: { properties: { a: { $ref: "#/components/schemas/NamedThing" } } } } },
    });
  });

  it.each<[string, Endpoint, RegExp]>([
    ["bigint_in_an_answer", { ...POST_BASE, response: z.object({ nested: z.object({ startNs: z.bigint() }) }) }, /POST \/api\/things response: BigInt .*properties\/nested\/properties\/startNs/],
    ["transform_in_an_answer", { ...POST_BASE, response: z.object({ n: z.string().transform(Number) }) }, /POST \/api\/things response: Transforms/],
    ["undeclared_path_parameter", { ...POST_BASE, path: "/api/things/{id}", response: Item }, /path names \{id\} but the params schema declares \[\]/],
    ["path_parameter_missing_from_template", { ...POST_BASE, params: z.object({ id: z.string() }), response: Item }, /path names \{\} but the params schema declares \[id\]/],
    ["query_that_is_not_an_object", { ...POST_BASE, query: z.string(), response: Item }, /query parameters need an object schema/],
  ])("fails_loudly_on_%s", (_name, endpoint, message) => {
    expect(() => build(endpoint)).toThrow(message);
  });

  it("fails_loudly_on_two_contracts_for_one_route", () => {
    expect(() => build(listItems, { ...listItems, summary: "again" })).toThrow(/two contracts for one route/);
  });

  it("fails_loudly_on_two_different_schemas_with_one_id", () => {
    const first = z.object({ a: z.string() }).meta({ id: "Clash" });
    const second = z.object({ b: z.string() }).meta({ id: "Clash" });
    expect(() => build({ ...POST_BASE, response: first }, { ...POST_BASE, path: "/api/other", response: second })).toThrow(/two different schemas are named "Clash"/);
  });
});
