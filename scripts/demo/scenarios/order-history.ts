// "My orders": checkout lists the visitor's orders, then loads each order's items with
// one query per order (an N+1 the team has not fixed yet).
import { sql } from "../builders/db";
import { httpCall } from "../builders/http";
import type { Plan } from "../plan";
import type { Random } from "../random";
import { frontend, gatewayCall, renderRoute } from "./edge";
import type { Scenario } from "./scenario";
import { visitor } from "./shop-data";

function build(random: Random): Plan {
  const who = visitor(random);
  const orders = random.int(0, 8);
  const list = sql(random, {
    service: "checkout",
    database: "checkout",
    operation: "SELECT",
    table: "orders",
    text: "SELECT id, status, total_cents, currency, created_at FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 20",
    medianMs: 1.8,
    rows: orders,
  });
  const items = Array.from({ length: orders }, () =>
    sql(random, {
      service: "checkout",
      database: "checkout",
      operation: "SELECT",
      table: "order_items",
      text: "SELECT sku, quantity, unit_price_cents FROM order_items WHERE order_id = $1",
      medianMs: 0.7,
      rows: random.int(1, 4),
    }),
  );
  const history = httpCall(
    random,
    { from: "api-gateway", to: "checkout", method: "GET", route: "/orders", path: "/orders", query: `user=${who.userId}`, status: 200 },
    [list, ...items],
  );
  const api = gatewayCall(random, who, { method: "GET", route: "/api/orders", path: "/api/orders", status: 200 }, [history]);
  const root = frontend(random, who, { method: "GET", route: "/account/orders", path: "/account/orders", status: 200 }, [
    renderRoute(random, "/account/orders", 6, [api]),
  ]);
  return { scenario: "order-history", traces: [{ root, delay: 0 }], bottleneck: list };
}

export const orderHistory: Scenario = { name: "order-history", traces: 1, build };
