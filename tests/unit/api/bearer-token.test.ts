import { describe, expect, it } from "vitest";
import { hasBearerToken } from "@/lib/api/bearer-token";

describe("hasBearerToken", () => {
  it.each<[string, string | null, boolean]>([
    ["exact", "Bearer s3cret", true],
    ["schemeCaseInsensitive", "bearer s3cret", true],
    ["extraSpaces", "Bearer   s3cret  ", true],
    ["wrongToken", "Bearer s3cret2", false],
    ["prefixOfToken", "Bearer s3cre", false],
    ["missingHeader", null, false],
    ["emptyHeader", "", false],
    ["basicScheme", "Basic s3cret", false],
    ["noToken", "Bearer ", false],
    ["twoTokens", "Bearer s3cret s3cret", false],
  ])("%s", (_name, header, expected) => {
    expect(hasBearerToken(header, "s3cret")).toBe(expected);
  });
});
