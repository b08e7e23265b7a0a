// Checkout writes the paid order and its lines in one transaction.
import { sql } from "../builders/db";
import type { PlanNode } from "../plan";
import type { Random } from "../random";
import type { CartLine } from "./shop-data";

const CHECKOUT_DB = { service: "checkout", database: "checkout" } as const;

export function saveOrder(random: Random, lines: readonly CartLine[]): PlanNode[] {
  return [
    sql(random, { ...CHECKOUT_DB, operation: "BEGIN", text: "BEGIN", medianMs: 0.2 }),
    sql(random, {
      ...CHECKOUT_DB,
      operation: "INSERT",
      table: "orders",
      text: "INSERT INTO orders (id, user_id, status, total_cents, currency, created_at) VALUES ($1, $2, 'paid', $3, $4, now())",
      medianMs: 1.1,
    }),
    ...lines.map(() =>
      sql(random, {
        ...CHECKOUT_DB,
        operation: "INSERT",
        table: "order_items",
        text: "INSERT INTO order_items (order_id, sku, quantity, unit_price_cents) VALUES ($1, $2, $3, $4)",
        medianMs: 0.8,
      }),
    ),
    sql(random, { ...CHECKOUT_DB, operation: "COMMIT", text: "COMMIT", medianMs: 1.8 }),
  ];
}
