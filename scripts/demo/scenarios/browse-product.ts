// A product page: the frontend fetches the product and its recommendations in
// parallel; the gateway serves the product from Redis or asks inventory on a miss.
import { redis, sql } from "../builders/db";
import { httpCall } from "../builders/http";
import type { Plan } from "../plan";
import type { Random } from "../random";
import { frontend, gatewayCall, renderRoute } from "./edge";
import type { Scenario } from "./scenario";
import { PRODUCTS, visitor } from "./shop-data";

function build(random: Random): Plan {
  const who = visitor(random);
  const signedIn = random.chance(0.6);
  const product = random.pick(PRODUCTS);
  const cacheHit = random.chance(0.55);

  const productQuery = sql(random, {
    service: "inventory",
    database: "inventory",
    operation: "SELECT",
    table: "products",
    text: "SELECT id, sku, slug, title, price_cents, currency FROM products WHERE sku = $1",
    medianMs: 1.1,
    rows: 1,
  });
  const fromInventory = [
    httpCall(
      random,
      { from: "api-gateway", to: "inventory", method: "GET", route: "/products/{sku}", path: `/products/${product.sku}`, status: 200 },
      [
        productQuery,
        sql(random, {
          service: "inventory",
          database: "inventory",
          operation: "SELECT",
          table: "stock_levels",
          text: "SELECT warehouse_id, available FROM stock_levels WHERE sku = $1",
          medianMs: 0.9,
          rows: random.int(1, 3),
        }),
      ],
    ),
    redis(random, { service: "api-gateway", command: "SET", text: `SET product:${product.sku} ? EX 300` }),
  ];

  const productCall = gatewayCall(
    random,
    signedIn ? who : null,
    { method: "GET", route: "/api/products/{slug}", path: `/api/products/${product.slug}`, status: 200 },
    [
      redis(random, { service: "api-gateway", command: "GET", text: `GET product:${product.sku}` }),
      ...(cacheHit ? [] : fromInventory),
    ],
  );

  const related = sql(random, {
    service: "inventory",
    database: "inventory",
    operation: "SELECT",
    table: "products",
    text: "SELECT p.sku, p.slug, p.title FROM product_relations r JOIN products p ON p.id = r.related_id WHERE r.product_id = $1 ORDER BY r.score DESC LIMIT 8",
    medianMs: 2.4,
    rows: 8,
  });
  const recommendationsCall = gatewayCall(
    random,
    null,
    {
      method: "GET",
      route: "/api/products/{slug}/recommendations",
      path: `/api/products/${product.slug}/recommendations`,
      status: 200,
    },
    [
      httpCall(
        random,
        {
          from: "api-gateway",
          to: "inventory",
          method: "GET",
          route: "/products/{sku}/related",
          path: `/products/${product.sku}/related`,
          status: 200,
        },
        [related],
      ),
    ],
  );

  const route = "/products/[slug]";
  const root = frontend(random, who, { method: "GET", route, path: `/products/${product.slug}`, status: 200 }, [
    renderRoute(random, route, 7, [productCall, recommendationsCall]),
  ]);
  return { scenario: "browse-product", traces: [{ root, delay: 0 }], bottleneck: cacheHit ? related : productQuery };
}

export const browseProduct: Scenario = { name: "browse-product", traces: 1, build };
