import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseQuery, queryObject } from "@/lib/api/endpoint";

describe("queryObject", () => {
  it("single_values_are_strings_repeated_ones_arrays", () => {
    expect(queryObject(new URLSearchParams("service=a&tags=x%3D1&tags=y%3D2"))).toEqual({ service: "a", tags: ["x=1", "y=2"] });
  });
});

describe("parseQuery", () => {
  const Schema = z.object({ limit: z.coerce.number().int().max(10) });
  it("parses_valid_input", () => {
    expect(parseQuery(Schema, new Request("http://x/?limit=5"))).toEqual({ ok: true, data: { limit: 5 } });
  });
  it("answers_400_in_the_error_envelope", async () => {
    const result = parseQuery(Schema, new Request("http://x/?limit=50"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(400);
    const body = (await result.response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(/^limit: /);
  });
});
