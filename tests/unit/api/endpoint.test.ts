import { describe, expect, it } from "vitest";
import { queryObject } from "@/lib/api/endpoint";

describe("queryObject", () => {
  it("single_values_are_strings_repeated_ones_arrays", () => {
    expect(queryObject(new URLSearchParams("service=a&tags=x%3D1&tags=y%3D2"))).toEqual({ service: "a", tags: ["x=1", "y=2"] });
  });
});
