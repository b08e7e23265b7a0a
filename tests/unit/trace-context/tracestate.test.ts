import { describe, expect, it } from "vitest";
import { isValidTracestateKey, isValidTracestateValue, TraceState } from "@/lib/trace-context/tracestate";
import { tracestateMembers } from "./fixtures";

/** Every legal value character (0x20-0x7E except `,` and `=`), with the space moved off the end. */
const ALL_LEGAL_VALUE_CHARS = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i))
  .filter((c) => c !== "," && c !== "=")
  .join("")
  .replace("!", "! ");

function entries(state: TraceState | null): Array<[string, string | undefined]> | null {
  return state && state.keys().map((k) => [k, state.get(k)]);
}

describe("TraceState.parse: valid headers", () => {
  it.each([
    ["singleMember", "foo=1", [["foo", "1"]]],
    ["membersKeepOrder", "foo=1,bar=2,baz=3", [["foo", "1"], ["bar", "2"], ["baz", "3"]]],
    ["repeatedHeadersJoinedInOrder", ["foo=1,bar=2", "baz=3"], [["foo", "1"], ["bar", "2"], ["baz", "3"]]],
    ["owsAroundMembersTrimmed", "foo=1 \t , \t bar=2, \t baz=3", [["foo", "1"], ["bar", "2"], ["baz", "3"]]],
    ["owsAtHeaderEdges", " \tfoo=1\t ", [["foo", "1"]]],
    ["emptyHeader", "", []],
    ["emptyMemberSkipped", "foo=1,,bar=2", [["foo", "1"], ["bar", "2"]]],
    ["onlyCommasAndOws", " , \t ,", []],
    ["emptyHeaderAmongOthers", ["foo=1", "", "bar=2"], [["foo", "1"], ["bar", "2"]]],
    ["noHeaders", [], []],
    ["null", null, []],
    ["undefined", undefined, []],
    ["key_multiTenantAt", "foo@bar=1", [["foo@bar", "1"]]],
    ["key_startsWithDigit", "1abc=1", [["1abc", "1"]]],
    ["key_allSpecialChars", "a_-*/@=1", [["a_-*/@", "1"]]],
    ["key_256chars", `${"k".repeat(256)}=1`, [["k".repeat(256), "1"]]],
    ["value_allLegalChars", `foo=${ALL_LEGAL_VALUE_CHARS}`, [["foo", ALL_LEGAL_VALUE_CHARS]]],
    ["value_innerSpace", "foo=a b", [["foo", "a b"]]],
    ["value_256chars", `foo=${"v".repeat(256)}`, [["foo", "v".repeat(256)]]],
    ["members_32", tracestateMembers(32), Array.from({ length: 32 }, (_, i) => [`k${i}`, `v${i}`])],
    ["members_32_acrossHeaders", [tracestateMembers(30), "x=1,y=2"], [...Array.from({ length: 30 }, (_, i) => [`k${i}`, `v${i}`]), ["x", "1"], ["y", "2"]]],
    ["members_32_plusEmptyMembers", `${tracestateMembers(32)},, ,`, Array.from({ length: 32 }, (_, i) => [`k${i}`, `v${i}`])],
    ["value_leadingSpaceKept", "foo= 1", [["foo", " 1"]]],
    ["value_trailingOwsIsNotValue", "foo=1 \t,bar=2", [["foo", "1"], ["bar", "2"]]],
    ["key_manyAt", "foo@@bar=1,foo@bar@baz=2,foo@=3", [["foo@@bar", "1"], ["foo@bar@baz", "2"], ["foo@", "3"]]],
    ["key_longTenantNoLevel1Limit", `${"t".repeat(242)}@v=1`, [[`${"t".repeat(242)}@v`, "1"]]],
    ["key_longSystemNoLevel1Limit", `t@${"v".repeat(15)}=1`, [[`t@${"v".repeat(15)}`, "1"]]],
    // Unique keys are the sender's duty: a duplicate keeps the header; the leftmost entry wins.
    ["duplicateKey_sameValue", "foo=1,foo=1", [["foo", "1"]]],
    ["duplicateKey_sameHeader_leftmostKept", "foo=1,foo=2", [["foo", "1"]]],
    ["duplicateKey_acrossHeaders_leftmostKept", ["foo=1", "foo=2"], [["foo", "1"]]],
    ["duplicateKey_othersKeepOrder", "a=1,foo=1,b=2,foo=2,c=3", [["a", "1"], ["foo", "1"], ["b", "2"], ["c", "3"]]],
    ["duplicateKey_32MembersAsSent", tracestateMembers(31) + ",k0=again", Array.from({ length: 31 }, (_, i) => [`k${i}`, `v${i}`])],
  ])("%s", (_name, headers, expected) => {
    expect(entries(TraceState.parse(headers))).toEqual(expected);
  });
});

describe("TraceState.parse: invalid headers return null (the whole header is dropped)", () => {
  it.each([
    ["key_uppercase", "FOO=1"],
    ["key_dot", "foo.bar=1"],
    ["key_spaceBeforeEquals", "foo =1"],
    ["key_startsWithAt", "@foo=1"],
    ["key_startsWithUnderscore", "_foo=1"],
    ["key_257chars", `${"k".repeat(257)}=1`],
    ["key_empty", "=1"],
    ["member_noEquals", "foo"],
    ["value_empty", "foo="],
    ["value_containsEquals", "foo=bar=baz"],
    ["value_257chars", `foo=${"v".repeat(257)}`],
    ["value_nonAscii", "foo=é"],
    ["value_controlChar", "foo=a\u0001b"],
    ["value_innerTab", "foo=a\tb"],
    ["members_33", tracestateMembers(33)],
    // The 32-member limit counts the list as sent, duplicates included.
    ["members_33_withDuplicateKey", `${tracestateMembers(32)},k0=again`],
    ["members_33_acrossHeaders", [tracestateMembers(32), "extra=1"]],
    ["oneInvalidMemberInvalidatesAll_first", "FOO=1,bar=2,baz=3"],
    ["oneInvalidMemberInvalidatesAll_middle", "foo=1,bar=,baz=3"],
    ["oneInvalidMemberInvalidatesAll_last", "foo=1,bar=2,baz"],
    ["oneInvalidMemberInvalidatesAll_otherHeader", ["foo=1,bar=2", "b@d.key=3"]],
  ])("%s", (_name, headers) => {
    expect(TraceState.parse(headers)).toBeNull();
  });
});

describe("key and value validators", () => {
  it.each([
    ["key_lowercase", "foo", true],
    ["key_256chars", "a".repeat(256), true],
    ["key_257chars", "a".repeat(257), false],
    ["key_empty", "", false],
    ["key_uppercase", "Foo", false],
  ])("isValidTracestateKey_%s", (_name, key, valid) => {
    expect(isValidTracestateKey(key)).toBe(valid);
  });

  it.each([
    ["value_allLegalChars", ALL_LEGAL_VALUE_CHARS, true],
    ["value_leadingSpace", " a", true],
    ["value_endsInSpace", "a ", false],
    ["value_onlySpace", " ", false],
    ["value_comma", "a,b", false],
    ["value_empty", "", false],
  ])("isValidTracestateValue_%s", (_name, value, valid) => {
    expect(isValidTracestateValue(value)).toBe(valid);
  });
});

describe("TraceState.set / unset (immutable)", () => {
  const original = TraceState.parse("foo=1,bar=2")!;

  it.each([
    ["newKeyGoesLeftmost", "baz", "3", "baz=3,foo=1,bar=2"],
    ["existingKeyReplacedAndMovedLeftmost", "bar", "9", "bar=9,foo=1"],
    ["leftmostKeyReplacedInPlace", "foo", "9", "foo=9,bar=2"],
  ])("set_%s", (_name, key, value, expected) => {
    const updated = original.set(key, value);
    expect(updated).not.toBe(original);
    expect(updated.serialize()).toBe(expected);
    expect(original.serialize()).toBe("foo=1,bar=2");
  });

  it("set_onEmpty", () => {
    const empty = TraceState.empty();
    expect(empty.set("foo", "1").serialize()).toBe("foo=1");
    expect(empty.size).toBe(0);
  });

  it.each([
    ["invalidKey_uppercase", "FOO", "1"],
    ["invalidKey_empty", "", "1"],
    ["invalidKey_257chars", "k".repeat(257), "1"],
    ["invalidValue_empty", "foo", ""],
    ["invalidValue_comma", "foo", "a,b"],
    ["invalidValue_equals", "foo", "a=b"],
    ["invalidValue_trailingSpace", "foo", "a "],
    ["invalidValue_257chars", "foo", "v".repeat(257)],
  ])("set_%s throws RangeError", (_name, key, value) => {
    expect(() => original.set(key, value)).toThrow(RangeError);
    expect(original.serialize()).toBe("foo=1,bar=2");
  });

  it.each([
    ["existingKey", "foo", "bar=2"],
    ["missingKey", "nope", "foo=1,bar=2"],
  ])("unset_%s", (_name, key, expected) => {
    const updated = original.unset(key);
    expect(updated).not.toBe(original);
    expect(updated.serialize()).toBe(expected);
    expect(updated.get(key)).toBeUndefined();
    expect(original.serialize()).toBe("foo=1,bar=2");
  });
});

describe("TraceState.serialize", () => {
  const member = (key: string, length: number) => `${key}=${"x".repeat(length - key.length - 1)}`;
  const big1 = member("big1", 250);
  const big2 = member("big2", 250);
  const small = (i: number) => member(`s${i}`, 100);

  it.each([
    ["empty", [], ""],
    ["underLimitUnchanged", ["foo=1", "bar=2"], "foo=1,bar=2"],
    ["exactly512Unchanged", [member("a", 255), member("b", 256)], `${member("a", 255)},${member("b", 256)}`],
    ["over512_largeMemberDroppedFirst", [small(0), big1, small(1), small(2)], [small(0), small(1), small(2)].join(",")],
    ["over512_rightmostLargeDroppedFirst", [big1, small(0), big2], [big1, small(0)].join(",")],
    ["over512_thenDroppedFromRight", [small(0), small(1), small(2), small(3), small(4), small(5)], [0, 1, 2, 3, 4].map(small).join(",")],
  ])("%s", (_name, members, expected) => {
    const serialized = TraceState.parse(members)!.serialize();
    expect(serialized).toBe(expected);
    expect(serialized.length).toBeLessThanOrEqual(512);
  });
});
