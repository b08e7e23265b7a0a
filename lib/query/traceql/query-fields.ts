import type { Condition, Field, Operand, SpansetExpression, TraceQLQuery } from "./ast";

/** The fields (attributes and intrinsics) a TraceQL query names, each once, in query order. */
export function queryFields(query: TraceQLQuery): Field[] {
  const fields = new Map<string, Field>();
  const add = (field: Field) => fields.set(JSON.stringify(field), field);
  const operand = (item: Operand) => {
    if (item.kind === "field") add(item.field);
  };
  const condition = (item: Condition): void => {
    switch (item.kind) {
      case "logical":
        condition(item.left);
        condition(item.right);
        return;
      case "not":
        condition(item.operand);
        return;
      case "compare":
        operand(item.left);
        operand(item.right);
        return;
      case "exists":
        add(item.field);
        return;
      case "truthy":
        operand(item.operand);
        return;
      case "constant":
        return;
    }
  };
  const spanset = (item: SpansetExpression): void => {
    if (item.kind === "filter") {
      if (item.condition) condition(item.condition);
      return;
    }
    spanset(item.left);
    spanset(item.right);
  };
  spanset(query.root);
  return [...fields.values()];
}
