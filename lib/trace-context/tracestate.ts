import { MAX_TRACESTATE_MEMBERS, OWS, TRACESTATE_KEY, TRACESTATE_VALUE } from "./validators";

/** Vendors should propagate at least this much; beyond it, members are dropped on output. */
const MAX_SERIALIZED_LENGTH = 512;
/** When truncating, members longer than this go first (spec section "tracestate limits"). */
const LARGE_MEMBER_LENGTH = 128;

export function isValidTracestateKey(key: string): boolean {
  return TRACESTATE_KEY.test(key);
}

export function isValidTracestateValue(value: string): boolean {
  return TRACESTATE_VALUE.test(value);
}

/**
 * An immutable, ordered tracestate list. `set` and `unset` return a new value; the
 * most recently set member goes leftmost, as the spec requires.
 */
export class TraceState {
  private constructor(private readonly members: ReadonlyArray<readonly [string, string]>) {}

  static empty(): TraceState {
    return new TraceState([]);
  }

  /**
   * Parses every tracestate header of a request, joined in order. Returns null when
   * the combined list is invalid: a malformed member, a duplicate key or more than 32
   * members invalidates the whole header, never just the member.
   */
  static parse(headers: string | readonly string[] | null | undefined): TraceState | null {
    const values = typeof headers === "string" ? [headers] : (headers ?? []);
    const members: Array<[string, string]> = [];
    const seen = new Set<string>();
    for (const header of values) {
      for (const raw of header.split(",")) {
        const member = raw.replace(OWS, "");
        if (member === "") continue;
        const eq = member.indexOf("=");
        if (eq <= 0) return null;
        const key = member.slice(0, eq);
        const value = member.slice(eq + 1);
        if (!isValidTracestateKey(key) || !isValidTracestateValue(value) || seen.has(key)) return null;
        seen.add(key);
        members.push([key, value]);
        if (members.length > MAX_TRACESTATE_MEMBERS) return null;
      }
    }
    return new TraceState(members);
  }

  get size(): number {
    return this.members.length;
  }

  get(key: string): string | undefined {
    return this.members.find(([k]) => k === key)?.[1];
  }

  keys(): string[] {
    return this.members.map(([k]) => k);
  }

  /** Adds or updates a member and moves it leftmost. Throws on an invalid key or value. */
  set(key: string, value: string): TraceState {
    if (!isValidTracestateKey(key)) throw new RangeError(`invalid tracestate key: ${JSON.stringify(key)}`);
    if (!isValidTracestateValue(value)) throw new RangeError(`invalid tracestate value for ${key}`);
    const rest = this.members.filter(([k]) => k !== key);
    return new TraceState([[key, value] as const, ...rest].slice(0, MAX_TRACESTATE_MEMBERS));
  }

  unset(key: string): TraceState {
    return new TraceState(this.members.filter(([k]) => k !== key));
  }

  /**
   * The header value, or "" when empty. If it would exceed 512 characters, members
   * longer than 128 characters are dropped first (rightmost first), then any others
   * from the right, as the spec suggests.
   */
  serialize(): string {
    const entries = this.members.map(([k, v]) => `${k}=${v}`);
    const length = () => entries.reduce((n, e) => n + e.length, 0) + Math.max(entries.length - 1, 0);
    for (let i = entries.length - 1; i >= 0 && length() > MAX_SERIALIZED_LENGTH; i--) {
      if (entries[i].length > LARGE_MEMBER_LENGTH) entries.splice(i, 1);
    }
    while (length() > MAX_SERIALIZED_LENGTH) entries.pop();
    return entries.join(",");
  }
}
