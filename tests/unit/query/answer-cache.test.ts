import { describe, expect, it } from "vitest";
import { AnswerCache } from "@/lib/query/traces/answer-cache";

describe("AnswerCache", () => {
  it("returns_what_was_stored_under_the_same_key_only", () => {
    const cache = new AnswerCache(100);
    cache.set("a:1", "one");
    expect(cache.get("a:1")).toBe("one");
    expect(cache.get("a:2")).toBeUndefined();
  });

  it("drops_least_recently_used_answers_past_the_byte_budget", () => {
    const cache = new AnswerCache(10);
    cache.set("a", "xxxx");
    cache.set("b", "yyyy");
    cache.get("a");
    cache.set("c", "zzzz");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["xxxx", undefined, "zzzz"]);
  });

  it("never_keeps_an_answer_larger_than_the_budget", () => {
    const cache = new AnswerCache(3);
    cache.set("big", "xxxx");
    expect(cache.size).toBe(0);
  });

  it("replacing_a_key_counts_its_size_once", () => {
    const cache = new AnswerCache(8);
    cache.set("a", "xxxx");
    cache.set("a", "yyyy");
    cache.set("b", "zzzz");
    expect([cache.get("a"), cache.get("b")]).toEqual(["yyyy", "zzzz"]);
  });
});
