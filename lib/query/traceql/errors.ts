/** Where in the query text something is: a 0-based offset and the 1-based line and column it falls on. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * What kind of problem a query has: `syntax` (not TraceQL), `unsupported` (TraceQL
 * that this subset does not implement: pipelines, aggregates, other scopes) or `type`
 * (operands that can never be compared, an invalid regular expression).
 */
export type TraceQLErrorKind = "syntax" | "unsupported" | "type";

/** The position of `offset` in `text`; lines end at `\n`, columns count UTF-16 units from 1. */
export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text[index] === "\n") {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** A query the engine refuses, with the position of the token it stopped at. */
export class TraceQLError extends Error {
  readonly kind: TraceQLErrorKind;
  readonly position: SourcePosition;
  /** The message without the position, for an editor that marks the position itself. */
  readonly reason: string;

  constructor(kind: TraceQLErrorKind, reason: string, position: SourcePosition) {
    super(`${reason} at line ${position.line}, column ${position.column}`);
    this.name = "TraceQLError";
    this.kind = kind;
    this.reason = reason;
    this.position = position;
  }
}

/** Throws a TraceQLError at `offset` of `text`. */
export function failAt(text: string, offset: number, kind: TraceQLErrorKind, reason: string): never {
  throw new TraceQLError(kind, reason, positionAt(text, offset));
}
