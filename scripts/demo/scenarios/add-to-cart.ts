// Adding to the cart: checkout asks inventory whether the item is in stock, then
// updates the cart in Redis. Sometimes it is sold out (409, a client-side error).
import { redis, sql } from "../builders/db";
import { httpCall } from "../builders/http";
import type { Plan } from "../plan";
import type { Random } from "../random";
import { frontend, gatewayCall } from "./edge";
import type { Scenario } from "./scenario";
import { PRODUCTS, visitor } from "./shop-data";

function build(random: Random): Plan {
  const who = visitor(random);
  const product = random.pick(PRODUCTS);
  const soldOut = random.chance(0.06);
  const status = soldOut ? 409 : 201;

  const stockQuery = sql(random, {
    service: "inventory",
    database: "inventory",
    operation: "SELECT",
    table: "stock_levels",
    text: "SELECT sum(available) AS available FROM stock_levels WHERE sku = $1",
    medianMs: 0.9,
    rows: 1,
  });
  const stock = httpCall(
    random,
    { from: "checkout", to: "inventory", method: "GET", route: "/stock/{sku}", path: `/stock/${product.sku}`, status: 200 },
    [stockQuery],
  );
  const cartWrites = soldOut
    ? []
    : [
        redis(random, { service: "checkout", command: "HINCRBY", text: `HINCRBY cart:${who.userId} ${product.sku} ?` }),
        redis(random, { service: "checkout", command: "EXPIRE", text: `EXPIRE cart:${who.userId} 604800` }),
      ];
  const add = httpCall(
    random,
    { from: "api-gateway", to: "checkout", method: "POST", route: "/cart/items", path: "/cart/items", status },
    [stock, ...cartWrites],
  );
  const api = gatewayCall(random, who, { method: "POST", route: "/api/cart/items", path: "/api/cart/items", status }, [add]);
  const root = frontend(random, who, { method: "POST", route: "/api/cart", path: "/api/cart", status }, [api]);
  return { scenario: "add-to-cart", traces: [{ root, delay: 0 }], bottleneck: stockQuery };
}

export const addToCart: Scenario = { name: "add-to-cart", traces: 1, build };
