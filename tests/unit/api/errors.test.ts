import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ErrorCode, errorResponse, internalErrorResponse, validationErrorResponse } from "@/lib/api/errors";

describe("errorResponse", () => {
  it.each<[ErrorCode, number]>([
    ["bad_request", 400],
    ["unauthorized", 401],
    ["not_found", 404],
    ["payload_too_large", 413],
    ["unsupported_media_type", 415],
    ["unavailable", 503],
    ["internal", 500],
  ])("%s_%i", async (code, status) => {
    const response = errorResponse(code, "something happened", { hint: 1 });
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code, message: "something happened", details: { hint: 1 } } });
  });

  it("everyErrorCodeHasAStatus", () => {
    for (const code of ErrorCode.options) expect(errorResponse(code, "x").status).toBeGreaterThanOrEqual(400);
  });

  it("detailsOmittedWhenUndefined", async () => {
    expect(await errorResponse("not_found", "Not found").json()).toEqual({ error: { code: "not_found", message: "Not found" } });
  });

  it("initHeadersKept_statusFromCode", async () => {
    const response = errorResponse("unavailable", "down", undefined, { status: 200, headers: { "Retry-After": "5" } });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
  });
});

describe("validationErrorResponse", () => {
  const Schema = z.object({
    name: z.string(),
    items: z.array(z.object({ url: z.url() })),
  });

  it("listsEachIssueWithItsPath", async () => {
    const result = Schema.safeParse({ name: 3, items: [{ url: "https://ok.test" }, { url: "not a url" }] });
    expect(result.success).toBe(false);
    const response = validationErrorResponse(result.error!);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.details).toHaveLength(2);
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(["name", "items.1.url"]);
    for (const detail of body.error.details) expect(typeof detail.message).toBe("string");
    expect(body.error.message).toContain("name: ");
    expect(body.error.message).toContain("items.1.url: ");
    expect(body.error.message.split("; ")).toHaveLength(2);
  });

  it("rootIssue_emptyPath_messageWithoutPrefix", async () => {
    const result = z.string().safeParse(1);
    const body = await validationErrorResponse(result.error!).json();
    expect(body.error.details).toEqual([{ path: "", message: result.error!.issues[0].message }]);
    expect(body.error.message).toBe(result.error!.issues[0].message);
  });
});

describe("internalErrorResponse", () => {
  it("genericMessage", async () => {
    const response = internalErrorResponse();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "internal", message: "Internal server error" } });
  });
});
