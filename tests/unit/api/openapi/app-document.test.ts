import { describe, expect, it } from "vitest";
import pkg from "@/package.json";
import { ALL_ENDPOINTS } from "@/lib/api/contracts";
import { openApiDocument } from "@/lib/api/openapi";
import { pathParameterNames, type Operation } from "@/lib/api/openapi/build-document";

/**
 * The app's own document, checked structurally against OpenAPI 3.1 (no OpenAPI validator
 * is installed): it builds at all (a bigint or transform in an answer throws), every
 * operation is well formed, and every reference resolves.
 */

const document = openApiDocument();
const operations: Array<{ path: string; method: string; operation: Operation }> = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);

/** Every `$ref` anywhere in `value`, with where it was found. */
function refsIn(value: unknown, at = "#"): Array<{ ref: string; at: string }> {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    key === "$ref" && typeof entry === "string" ? [{ ref: entry, at }] : refsIn(entry, `${at}/${key}`),
  );
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, token) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[token] : undefined), document);
}

describe("the app's OpenAPI document", () => {
  it("is_openapi_3_1_with_the_app_version", () => {
    expect(document).toMatchObject({ openapi: "3.1.0", info: { title: "Traceboard API", version: pkg.version } });
  });

  it("is_plain_json", () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("has_one_operation_per_contract", () => {
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual(
      ALL_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort(),
    );
  });

  it("operation_ids_are_unique", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations.map((entry) => [`${entry.method.toUpperCase()} ${entry.path}`, entry] as const))("%s_is_well_formed", (_name, { path, operation }) => {
    const pathParameters = (operation.parameters ?? []).filter((parameter) => parameter.in === "path");
    expect(pathParameters.map((parameter) => parameter.name).sort()).toEqual(pathParameterNames(path).sort());
    for (const parameter of pathParameters) expect(parameter.required).toBe(true);
    const names = (operation.parameters ?? []).map((parameter) => `${parameter.in}:${parameter.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status))).toHaveLength(1);
    for (const status of Object.keys(operation.responses)) expect(status).toMatch(/^[1-5]\d\d$/);
    expect(operation.summary).not.toBe("");
    expect(operation.tags.length).toBeGreaterThan(0);
    for (const tag of operation.tags) expect(document.tags).toContainEqual({ name: tag });
    for (const requirement of operation.security ?? []) {
      for (const scheme of Object.keys(requirement)) expect(document.components.securitySchemes).toHaveProperty(scheme);
    }
  });

  it("every_reference_resolves", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter(({ ref }) => !ref.startsWith("#/") || resolvePointer(ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it("schemas_carry_no_json_schema_document_keywords", () => {
    const text = JSON.stringify(document);
    expect(text).not.toContain('"$defs"');
    expect(text).not.toContain('"$schema"');
  });

  it("is_built_once_per_process", () => {
    expect(openApiDocument()).toBe(document);
  });
});
