import type { TagMatch } from "@/lib/store/read/trace-search";
import type { TagFilter } from "../params/tags";

const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER_TEXT = /^-?\d+$/;
const NON_FINITE = new Set(["NaN", "Infinity", "-Infinity"]);
const MAX_INT64 = 2n ** 63n - 1n;

/**
 * The stored values a tag's text matches: the string itself always; for numeric text the
 * int (bare, or `{int}` past 2^53) and the `{double}` of equal value (`500` matches
 * 500 and 500.0); `true`/`false` the booleans; `NaN`/`Infinity` the non-finite doubles.
 */
export function toTagMatch({ key, value }: TagFilter): TagMatch {
  const forms = new Set([JSON.stringify(value)]);
  if (NUMBER_TEXT.test(value)) {
    const number = Number(value);
    const integer = INTEGER_TEXT.test(value);
    if (Number.isSafeInteger(number)) forms.add(JSON.stringify(number));
    else if (integer && BigInt(value) <= MAX_INT64 && BigInt(value) >= -MAX_INT64 - 1n) {
      forms.add(JSON.stringify({ int: BigInt(value).toString() }));
    }
    // An integer past 2^53 has no exactly equal double (it would round to a neighbour).
    if (Number.isFinite(number) && !(integer && !Number.isSafeInteger(number))) forms.add(JSON.stringify({ double: number }));
  }
  if (NON_FINITE.has(value)) forms.add(JSON.stringify({ double: value }));
  if (value === "true" || value === "false") forms.add(value);
  return { key, storedForms: [...forms] };
}
