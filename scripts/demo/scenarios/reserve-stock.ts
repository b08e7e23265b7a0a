// Inventory's side of an order: reserving stock (row locks in one transaction),
// giving it back after a failed payment, and failing when its database pool is exhausted.
import { SpanStatusCode } from "@opentelemetry/api";
import { sql } from "../builders/db";
import { exception } from "../builders/exception";
import { httpCall } from "../builders/http";
import { work } from "../builders/internal";
import { ms } from "../latency";
import type { PlanNode } from "../plan";
import type { Random } from "../random";
import { SCOPES } from "../scopes";
import { ATTR_ORDER_ID } from "./attributes";
import type { CartLine } from "./shop-data";

const INVENTORY_DB = { service: "inventory", database: "inventory" } as const;

export interface Reservation {
  call: PlanNode;
  /** The first row lock: where a slow checkout waits. */
  lockWait: PlanNode;
}

export function reserveStock(random: Random, lines: readonly CartLine[], orderId: string): Reservation {
  const locks = lines.map(() =>
    sql(random, {
      ...INVENTORY_DB,
      operation: "SELECT",
      table: "stock_levels",
      text: "SELECT warehouse_id, available FROM stock_levels WHERE sku = $1 AND available >= $2 ORDER BY priority LIMIT 1 FOR UPDATE",
      medianMs: 1.3,
      rows: 1,
    }),
  );
  const perLine = lines.flatMap((_, i) => [
    locks[i],
    sql(random, {
      ...INVENTORY_DB,
      operation: "UPDATE",
      table: "stock_levels",
      text: "UPDATE stock_levels SET available = available - $1, reserved = reserved + $1 WHERE sku = $2 AND warehouse_id = $3",
      medianMs: 0.9,
    }),
  ]);
  const call = httpCall(
    random,
    { from: "checkout", to: "inventory", method: "POST", route: "/reservations", path: "/reservations", status: 201 },
    [
      sql(random, { ...INVENTORY_DB, operation: "BEGIN", text: "BEGIN", medianMs: 0.2 }),
      ...perLine,
      sql(random, {
        ...INVENTORY_DB,
        operation: "INSERT",
        table: "reservations",
        text: `INSERT INTO reservations (order_id, sku, quantity, warehouse_id, expires_at) VALUES ${lines.map((_, i) => `($1, $${i * 3 + 2}, $${i * 3 + 3}, $${i * 3 + 4}, now() + interval '15 minutes')`).join(", ")}`,
        medianMs: 1.1,
      }),
      sql(random, { ...INVENTORY_DB, operation: "COMMIT", text: "COMMIT", medianMs: 1.6 }),
    ],
  );
  call.attributes[ATTR_ORDER_ID] = orderId;
  return { call, lockWait: locks[0] };
}

/** Giving reserved stock back after a failed payment. */
export function releaseStock(random: Random, lines: readonly CartLine[], orderId: string): PlanNode {
  return httpCall(
    random,
    {
      from: "checkout",
      to: "inventory",
      method: "DELETE",
      route: "/reservations/{orderId}",
      path: `/reservations/${orderId}`,
      status: 204,
    },
    [
      sql(random, { ...INVENTORY_DB, operation: "BEGIN", text: "BEGIN", medianMs: 0.2 }),
      ...lines.map(() =>
        sql(random, {
          ...INVENTORY_DB,
          operation: "UPDATE",
          table: "stock_levels",
          text: "UPDATE stock_levels SET available = available + r.quantity, reserved = reserved - r.quantity FROM reservations r WHERE r.order_id = $1 AND r.sku = stock_levels.sku AND r.warehouse_id = stock_levels.warehouse_id AND r.sku = $2",
          medianMs: 1,
        }),
      ),
      sql(random, { ...INVENTORY_DB, operation: "DELETE", table: "reservations", text: "DELETE FROM reservations WHERE order_id = $1", medianMs: 0.8 }),
      sql(random, { ...INVENTORY_DB, operation: "COMMIT", text: "COMMIT", medianMs: 1.4 }),
    ],
  );
}

/** Inventory's connection pool is exhausted: every attempt waits out the 2 s acquire timeout. */
export function reserveStockUnavailable(random: Random): PlanNode {
  const timeout = exception("Error", "timeout exceeded when trying to connect", [
    "Timeout._onTimeout (/app/node_modules/pg-pool/index.js:205:27)",
    "listOnTimeout (node:internal/timers:581:17)",
    "process.processTimers (node:internal/timers:519:7)",
  ]);
  const acquire = work(random, "inventory", "pg-pool.connect", 0.1, [], { scope: SCOPES.pg.name });
  acquire.after = ms(random, 2000, 0.01);
  acquire.status = { code: SpanStatusCode.ERROR, message: timeout.message };
  acquire.exception = timeout;
  return httpCall(
    random,
    {
      from: "checkout",
      to: "inventory",
      method: "POST",
      route: "/reservations",
      path: "/reservations",
      status: 503,
      server: { exception: timeout },
    },
    [acquire],
  );
}
