import { describe, expect, it } from "vitest";
import { readJsonBody } from "@/lib/api/read-json-body";

const WHEN_EMPTY = Symbol("empty");

function post(body?: string): Request {
  return new Request("http://localhost/api/x", { method: "POST", body });
}

describe("readJsonBody", () => {
  it.each<[string, string | undefined, unknown]>([
    ["noBody", undefined, WHEN_EMPTY],
    ["emptyString", "", WHEN_EMPTY],
    ["whitespaceOnly", " \n\t ", WHEN_EMPTY],
    ["null", "null", null],
    ["emptyArray", "[]", []],
    ["object", '{"a":1,"b":[true,null]}', { a: 1, b: [true, null] }],
    ["number", "42", 42],
    ["string", '"hi"', "hi"],
    ["surroundingWhitespace", '  {"a":1}\n', { a: 1 }],
  ])("ok_%s", async (_name, body, expected) => {
    const result = await readJsonBody(post(body), WHEN_EMPTY);
    expect(result).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ["truncatedObject", '{"a":'],
    ["bareWord", "nope"],
    ["trailingComma", "[1,2,]"],
    ["singleQuotes", "{'a':1}"],
  ])("malformed_%s_400", async (_name, body) => {
    const result = await readJsonBody(post(body), WHEN_EMPTY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(400);
    const json = await result.response.json();
    expect(json.error.code).toBe("bad_request");
    expect(json.error.message).toMatch(/^Malformed JSON body: .+/);
  });
});
