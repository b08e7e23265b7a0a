import { describe, expect, it } from "vitest";
import { nameOptions, withCurrentValue } from "@/lib/ui/select-options";

describe("withCurrentValue", () => {
  const options = nameOptions(["api", "checkout"]);
  it.each([
    ["a_listed_value_adds_nothing", "api", undefined, options],
    ["an_empty_value_adds_nothing", "", undefined, options],
    ["an_unlisted_value_comes_first", "gone", undefined, [{ value: "gone", label: "gone" }, ...options]],
    ["with_its_own_label", '["GET /","server"]', "GET /", [{ value: '["GET /","server"]', label: "GET /" }, ...options]],
  ])("%s", (_name, value, label, expected) => {
    expect(withCurrentValue(options, value, label)).toEqual(expected);
  });
});
