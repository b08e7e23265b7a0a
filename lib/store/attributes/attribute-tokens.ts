/**
 * The attribute index stores hashed tokens, not text: one per (scope, key, stored value),
 * one per (scope, key) for the key's presence, and one per span a link points at. A hash keeps every token the same
 * short size whatever the value (an SQL statement, a URL), and a collision only adds a
 * candidate trace that the search's check on the stored spans then drops.
 */
export const ATTRIBUTE_SCOPES = ["span", "resource"] as const;
export type AttributeScope = (typeof ATTRIBUTE_SCOPES)[number];

const SCOPE_PREFIX: Record<AttributeScope, string> = { span: "s", resource: "r" };
/** The namespace of link targets, apart from every attribute scope's. */
const LINK_PREFIX = "l";

/** Two 32-bit FNV-1a lanes with different offsets, continued character by character. */
export type HashState = [a: number, b: number];

const OFFSETS: HashState = [0x811c9dc5, 0x050c5d1f];

function extend([a, b]: HashState, text: string): HashState {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  }
  return [a, b];
}

/** 53 bits of the two lanes: a JavaScript number that is also an exact PostgreSQL bigint. */
const finish = ([a, b]: HashState) => (a >>> 11) * 0x100000000 + (b >>> 0);

/** The hash state after `scope` and `key`, which value tokens continue from. */
export const keyState = (scope: AttributeScope, key: string) => extend(extend(OFFSETS, SCOPE_PREFIX[scope]), `\u0000${key}`);

/** The presence token of the key whose state is `state`. */
export const presenceOf = (state: HashState) => finish(state);

/** The token of the key whose state is `state` holding a value whose stored JSON text is `form`. */
export const valueOf = (state: HashState, form: string) => finish(extend(state, `\u0000${form}`));

/** The token of `key` being present (with any value) in `scope`. */
export function presenceToken(scope: AttributeScope, key: string): number {
  return presenceOf(keyState(scope, key));
}

/** The token of `key` holding a value whose stored JSON text is `form`, in `scope`. */
export function valueToken(scope: AttributeScope, key: string, form: string): number {
  return valueOf(keyState(scope, key), form);
}

/** The token of a link pointing at span `spanId` of trace `traceId` (ids as stored: lowercase hex). */
export function linkTargetToken(traceId: string, spanId: string): number {
  return finish(extend(OFFSETS, `${LINK_PREFIX}\u0000${traceId}\u0000${spanId}`));
}
