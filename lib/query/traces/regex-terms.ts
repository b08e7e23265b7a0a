import "server-only";
import type { AttributeFormula } from "@/lib/store/read/attribute-candidates";
import { readAttributeValues } from "@/lib/store/read/attribute-listing";
import type { FormulaPlan, RegexTerm } from "./traceql-plan";

/**
 * Values of a key read to expand one regex: the listing keeps at most 1,000 per key, scope
 * and day (attribute-counts.ts), so a week of one key is 7,000-8,000 at most.
 */
const MAX_LISTED_VALUES = 10_000;
/**
 * Past this many matching values the regex is left to the ordered walk: each value is one
 * more term of the index query, and that many values mostly match many traces anyway.
 */
const MAX_REGEX_VALUES = 200;

/** The formula with no term matching any stored value: no span can match it. */
export const NOTHING = "nothing";

export interface ListingWindow {
  startNs: bigint;
  endNs: bigint;
}

/**
 * The stored string values of the regex term's key in the window that the regex matches,
 * as an equality term; NOTHING when none does; null when the listing cannot say (a day
 * of the key with more values than it keeps, or with one it cannot list, such as
 * over-long text) or too many match. Tempo matches regexes on strings only.
 */
async function expandRegex(term: RegexTerm, window: ListingWindow): Promise<AttributeFormula | typeof NOTHING | null> {
  const scope = term.scope === "any" ? undefined : term.scope;
  const { values, complete } = await readAttributeValues(term.key, { ...window, scope, limit: MAX_LISTED_VALUES });
  if (!complete || values.length >= MAX_LISTED_VALUES) return null;
  const matched = new Set(values.filter((value) => value.valueType === "string" && term.pattern.test(value.value)).map((value) => value.value));
  if (matched.size === 0) return NOTHING;
  if (matched.size > MAX_REGEX_VALUES) return null;
  return { key: term.key, scope: term.scope, storedForms: [...matched].map((value) => JSON.stringify(value)) };
}

/**
 * The formula the attribute index can answer, with each regex term replaced by the values
 * it matches in the window (listed by the attribute counts); null when it cannot narrow.
 * An AND keeps the parts that narrow, an OR needs all of them, as candidatePlan combines.
 */
export async function expandRegexTerms(formula: FormulaPlan, window: ListingWindow): Promise<AttributeFormula | typeof NOTHING | null> {
  if ("pattern" in formula) return expandRegex(formula, window);
  if ("key" in formula) return formula;
  const isAll = "all" in formula;
  const parts = await Promise.all((isAll ? formula.all : formula.any).map((part) => expandRegexTerms(part, window)));
  const narrowing = parts.filter((part): part is AttributeFormula => part !== null && part !== NOTHING);
  if (isAll) {
    if (parts.includes(NOTHING)) return NOTHING;
    if (narrowing.length === 0) return null;
    return narrowing.length === 1 ? narrowing[0] : { all: narrowing };
  }
  if (parts.includes(null)) return null;
  if (narrowing.length === 0) return NOTHING;
  return narrowing.length === 1 ? narrowing[0] : { any: narrowing };
}
