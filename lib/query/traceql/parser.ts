// A hand-written recursive-descent parser: the subset is ~10 rules, positions and "unsupported X here" errors need the token at hand, and a parser library (chevrotain: ~400 KB, its own token/CST model) would add more code than it saves.
import {
  COMPARISON_OPERATORS,
  STRUCTURAL_OPERATORS,
  type ComparisonOperator,
  type Condition,
  type Field,
  type Operand,
  type Scalar,
  type SpansetExpression,
  type SpansetOperator,
  type TextRange,
  type TraceQLQuery,
} from "./ast";
import { failAt, type TraceQLErrorKind } from "./errors";
import { ATTRIBUTE_SCOPE_OF, INTRINSIC_TYPES, KEYWORD_LITERALS, SCOPED_INTRINSICS, UNSUPPORTED_FUNCTIONS, UNSUPPORTED_INTRINSICS } from "./fields";
import { compileAnchored } from "./regex";
import { tokenize, type Token } from "./tokens";
import { INTRINSICS, type Intrinsic } from "./ast";

/** What a filter's expression is made of before it is known to be a condition: `nil`, an operand, or a condition. */
type Item = (TextRange & { kind: "nil" }) | Operand | Condition;

const ARITHMETIC = new Set(["+", "-", "*", "/", "%", "^"]);
const STRUCTURAL = new Set<string>(STRUCTURAL_OPERATORS);
const COMPARISON = new Set<string>(COMPARISON_OPERATORS);
const ORDERING = new Set<string>([">", ">=", "<", "<="]);

const isOperand = (item: Item): item is Operand => item.kind === "field" || item.kind === "literal";

/** An operand's type for checking: a scalar type, or `attribute` (known only per span). */
function impliedType(operand: Operand): Scalar["type"] | "attribute" {
  if (operand.kind === "literal") return operand.value.type;
  return operand.field.kind === "intrinsic" ? INTRINSIC_TYPES[operand.field.intrinsic] : "attribute";
}

const NUMERIC_TYPES = new Set(["int", "float", "duration"]);
/** The operators Tempo accepts per operand type (enum_operators.go binaryTypeValid). */
function operatorApplies(op: ComparisonOperator, type: Scalar["type"] | "attribute"): boolean {
  if (type === "attribute" || type === "string") return true;
  if (NUMERIC_TYPES.has(type)) return op !== "=~" && op !== "!~";
  return op === "=" || op === "!=";
}

function describe(token: Token): string {
  switch (token.kind) {
    case "eof":
      return "end of query";
    case "op":
      return `\`${token.op}\``;
    case "identifier":
      return `\`${token.name}\``;
    case "attribute":
      return "an attribute";
    case "scoped":
      return `\`${token.scope}:${token.name}\``;
    default:
      return "a literal";
  }
}

class Parser {
  private index = 0;
  private readonly tokens: Token[];

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  private get peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    return this.tokens[this.index++];
  }

  private isOp(op: string): boolean {
    const token = this.peek;
    return token.kind === "op" && token.op === op;
  }

  private fail(at: number, kind: TraceQLErrorKind, reason: string): never {
    failAt(this.text, at, kind, reason);
  }

  private expectOp(op: string, context: string): Token {
    if (!this.isOp(op)) this.fail(this.peek.start, "syntax", `unexpected ${describe(this.peek)}, expected \`${op}\` ${context}`);
    return this.next();
  }

  /** The words TraceQL has that this subset refuses, named where they stand. */
  private refuseUnsupported(token: Token): void {
    if (token.kind === "op" && token.op === "|") {
      this.fail(token.start, "unsupported", "pipelines (`|`) are not supported: only spanset filters and spanset operators are");
    }
    if (token.kind === "identifier" && UNSUPPORTED_FUNCTIONS.has(token.name)) {
      this.fail(token.start, "unsupported", `\`${token.name}()\` is not supported: aggregates, grouping, select and metrics functions are outside this TraceQL subset`);
    }
    if (token.kind === "identifier" && token.name === "with") this.fail(token.start, "unsupported", "query hints (`with (...)`) are not supported");
  }

  parseQuery(): TraceQLQuery {
    this.refuseUnsupported(this.peek);
    const root = this.parseSpansetExpression();
    this.refuseUnsupported(this.peek);
    if (this.peek.kind !== "eof") this.fail(this.peek.start, "syntax", `unexpected ${describe(this.peek)} after a complete spanset expression`);
    return { text: this.text, root };
  }

  /** `&&` and `||` between spansets: one precedence level, left to right, below the structural operators (Tempo's expr.y). */
  private parseSpansetExpression(): SpansetExpression {
    let left = this.parseStructural();
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.next() as { op: "&&" | "||" }).op;
      const right = this.parseStructural();
      left = { kind: "spanset", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseStructural(): SpansetExpression {
    let left = this.parseSpansetPrimary();
    while (this.peek.kind === "op" && STRUCTURAL.has(this.peek.op)) {
      const op = (this.next() as { op: SpansetOperator }).op;
      const right = this.parseSpansetPrimary();
      left = { kind: "spanset", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseSpansetPrimary(): SpansetExpression {
    const token = this.peek;
    if (this.isOp("(")) {
      this.next();
      const inner = this.parseSpansetExpression();
      const close = this.expectOp(")", "to close the parenthesis");
      return { ...inner, start: token.start, end: close.end };
    }
    if (this.isOp("{")) {
      this.next();
      if (this.isOp("}")) return { kind: "filter", condition: null, start: token.start, end: this.next().end };
      const condition = this.toCondition(this.parseLogical());
      this.refuseUnsupported(this.peek);
      const close = this.expectOp("}", "to close the spanset filter");
      return { kind: "filter", condition, start: token.start, end: close.end };
    }
    this.refuseUnsupported(token);
    return this.fail(token.start, "syntax", `unexpected ${describe(token)}, expected a spanset filter \`{ ... }\``);
  }

  /** `&&` and `||` inside a filter: like between spansets, one level, left to right (`a || b && c` is `(a || b) && c` in Tempo). */
  private parseLogical(): Item {
    let left = this.parseComparison();
    while (this.isOp("&&") || this.isOp("||")) {
      const op = (this.next() as { op: "&&" | "||" }).op;
      const right = this.parseComparison();
      const [l, r] = [this.toCondition(left), this.toCondition(right)];
      left = { kind: "logical", op, left: l, right: r, start: l.start, end: r.end };
    }
    return left;
  }

  private parseComparison(): Item {
    const left = this.parseUnary();
    this.refuseArithmetic();
    const token = this.peek;
    if (token.kind !== "op" || !COMPARISON.has(token.op)) return left;
    this.next();
    const op = token.op as ComparisonOperator;
    const right = this.parseUnary();
    this.refuseArithmetic();
    if (this.peek.kind === "op" && COMPARISON.has(this.peek.op)) this.fail(this.peek.start, "syntax", "comparisons cannot be chained; join them with && or ||");
    return this.comparison(op, token.start, left, right);
  }

  private refuseArithmetic(): void {
    const token = this.peek;
    if (token.kind === "op" && ARITHMETIC.has(token.op)) this.fail(token.start, "unsupported", `arithmetic (\`${token.op}\`) is not supported in this TraceQL subset`);
  }

  /** Checks the operand types as Tempo's validation does, so a comparison that can never hold is a 400, not an empty answer. */
  private comparison(op: ComparisonOperator, at: number, left: Item, right: Item): Condition {
    const range = { start: left.start, end: right.end };
    if (left.kind === "nil" || right.kind === "nil") {
      if (op !== "=" && op !== "!=") this.fail(at, "type", `\`${op}\` does not apply to nil; use = nil or != nil`);
      const other = left.kind === "nil" ? right : left;
      if (other.kind === "nil") return { kind: "constant", value: false, ...range };
      if (!isOperand(other)) this.fail(other.start, "type", "a condition cannot be compared with nil");
      if (other.kind === "literal") return { kind: "constant", value: op === "!=", ...range };
      return { kind: "exists", field: other.field, present: op === "!=", ...range };
    }
    for (const side of [left, right]) {
      if (!isOperand(side)) this.fail(side.start, "type", `a condition cannot be compared with \`${op}\`; to negate a comparison write !(a ${op} b)`);
    }
    const [l, r] = [left as Operand, right as Operand];
    const [leftType, rightType] = [impliedType(l), impliedType(r)];
    if (op === "=~" || op === "!~") {
      if (r.kind !== "literal" || r.value.type !== "string") this.fail(r.start, "type", `the right side of \`${op}\` must be a string (a regular expression)`);
      if (leftType !== "string" && leftType !== "attribute") this.fail(at, "type", `\`${op}\` needs a string on the left, not ${leftType}`);
      const regex = compileAnchored(r.value.value);
      if (regex instanceof Error) this.fail(r.start, "type", regex.message);
      return { kind: "compare", op, left: l, right: r, regex, ...range };
    }
    const matching = leftType === "attribute" || rightType === "attribute" || leftType === rightType || (NUMERIC_TYPES.has(leftType) && NUMERIC_TYPES.has(rightType));
    if (!matching) this.fail(at, "type", `cannot compare ${leftType} with ${rightType}`);
    for (const type of [leftType, rightType]) {
      if (!operatorApplies(op, type)) this.fail(at, "type", `\`${op}\` does not apply to ${type}${ORDERING.has(op) ? " (only = and != do)" : ""}`);
    }
    return { kind: "compare", op, left: l, right: r, ...range };
  }

  /** A filter's expression, or a side of `&&`/`||`/`!`, must be a condition: a bare operand only when it can be a boolean. */
  private toCondition(item: Item): Condition {
    if (item.kind === "nil") this.fail(item.start, "type", "nil alone is not a condition; compare a field with = nil or != nil");
    if (!isOperand(item)) return item;
    const type = impliedType(item);
    if (type !== "bool" && type !== "attribute") this.fail(item.start, "type", `a filter condition must be a boolean, not ${type}`);
    return { kind: "truthy", operand: item, start: item.start, end: item.end };
  }

  private parseUnary(): Item {
    const token = this.peek;
    if (this.isOp("!")) {
      this.next();
      const operand = this.toCondition(this.parseUnary());
      return { kind: "not", operand, start: token.start, end: operand.end };
    }
    if (this.isOp("-")) {
      this.next();
      const number = this.next();
      if (number.kind === "int") return { kind: "literal", value: { type: "int", value: -number.value }, start: token.start, end: number.end };
      if (number.kind === "float") return { kind: "literal", value: { type: "float", value: -number.value }, start: token.start, end: number.end };
      if (number.kind === "duration") return { kind: "literal", value: { type: "duration", value: -number.nanos }, start: token.start, end: number.end };
      this.fail(token.start, "unsupported", "arithmetic (`-`) is not supported in this TraceQL subset; only a number literal may be negative");
    }
    if (this.isOp("(")) {
      this.next();
      const inner = this.parseLogical();
      const close = this.expectOp(")", "to close the parenthesis");
      return { ...inner, start: token.start, end: close.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Item {
    const token = this.next();
    const range = { start: token.start, end: token.end };
    const field = (value: Field): Operand => ({ kind: "field", field: value, ...range });
    switch (token.kind) {
      case "string":
        return { kind: "literal", value: { type: "string", value: token.value }, ...range };
      case "int":
        if (token.value > 2n ** 63n - 1n) this.fail(token.start, "syntax", "integer out of the int64 range");
        return { kind: "literal", value: { type: "int", value: token.value }, ...range };
      case "float":
        return { kind: "literal", value: { type: "float", value: token.value }, ...range };
      case "duration":
        return { kind: "literal", value: { type: "duration", value: token.nanos }, ...range };
      case "attribute": {
        const scope = ATTRIBUTE_SCOPE_OF[token.scope];
        if (!scope) this.fail(token.start, "unsupported", `\`${token.scope}.\` attributes are not supported; use span., resource. or an unscoped .key`);
        return field({ kind: "attribute", scope, key: token.key });
      }
      case "scoped": {
        const spelled = `${token.scope}:${token.name}`;
        if (UNSUPPORTED_INTRINSICS.has(spelled)) this.fail(token.start, "unsupported", `the intrinsic \`${spelled}\` is not supported in this TraceQL subset`);
        const intrinsic = SCOPED_INTRINSICS[spelled];
        if (!intrinsic) this.fail(token.start, "syntax", `unknown intrinsic \`${spelled}\``);
        return field({ kind: "intrinsic", intrinsic });
      }
      case "identifier": {
        if (token.name === "nil") return { kind: "nil", ...range };
        if (Object.hasOwn(KEYWORD_LITERALS, token.name)) return { kind: "literal", value: KEYWORD_LITERALS[token.name], ...range };
        if ((INTRINSICS as readonly string[]).includes(token.name)) return field({ kind: "intrinsic", intrinsic: token.name as Intrinsic });
        if (UNSUPPORTED_INTRINSICS.has(token.name)) this.fail(token.start, "unsupported", `the intrinsic \`${token.name}\` is not supported in this TraceQL subset`);
        this.refuseUnsupported(token);
        return this.fail(token.start, "syntax", `unknown identifier \`${token.name}\`: an attribute needs a scope (\`.${token.name}\`, \`span.${token.name}\` or \`resource.${token.name}\`)`);
      }
      default:
        return this.fail(token.start, "syntax", `unexpected ${describe(token)}, expected a field or a value`);
    }
  }
}

/** Parses a TraceQL query of the subset; throws a TraceQLError (syntax, unsupported or type) with the position it stopped at. */
export function parseTraceQL(text: string): TraceQLQuery {
  return new Parser(text).parseQuery();
}
