import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ENDPOINTS } from "@/lib/api/contracts";
import type { Endpoint } from "@/lib/api/endpoint";

/** Every contract is named `<Verb><Resource>Endpoint`, and every named contract is in ALL_ENDPOINTS. */

const VERBS = ["Get", "List", "Search", "Record", "Verify", "Correlate", "Run", "Ingest"];
const NAME = new RegExp(`^(${VERBS.join("|")})[A-Z][A-Za-z]*Endpoint$`);

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === "object" && value !== null && "method" in value && "path" in value && "access" in value;

const CONTRACTS_DIR = path.resolve(import.meta.dirname, "../../../lib/api/contracts");
const modules: Array<Record<string, unknown>> = await Promise.all(readdirSync(CONTRACTS_DIR).map((file) => import(path.join(CONTRACTS_DIR, file))));
const named = modules.flatMap((module) => Object.entries(module).filter((entry): entry is [string, Endpoint] => isEndpoint(entry[1])));

describe("contract names", () => {
  it("verb_resource_endpoint", () => {
    expect(named.map(([name]) => name).filter((name) => !NAME.test(name))).toEqual([]);
  });

  it("every_named_contract_is_served_and_documented", () => {
    expect(new Set(named.map(([, endpoint]) => endpoint))).toEqual(new Set(ALL_ENDPOINTS));
  });
});
