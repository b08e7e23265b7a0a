// Product search: the gateway forwards to inventory's full-text search, which runs the
// query and a count for the pager.
import { sql } from "../builders/db";
import { httpCall } from "../builders/http";
import type { Plan } from "../plan";
import type { Random } from "../random";
import { frontend, gatewayCall, renderRoute } from "./edge";
import type { Scenario } from "./scenario";
import { SEARCH_TERMS, visitor } from "./shop-data";

function build(random: Random): Plan {
  const who = visitor(random);
  const term = random.pick(SEARCH_TERMS);
  const query = `q=${encodeURIComponent(term).replace(/%20/g, "+")}`;
  const page = random.weighted([
    [1, 80],
    [2, 15],
    [3, 5],
  ] as const);
  const hits = random.int(0, 40);

  const fullText = sql(random, {
    service: "inventory",
    database: "inventory",
    operation: "SELECT",
    table: "products",
    text: "SELECT id, sku, slug, title, price_cents FROM products WHERE search_vector @@ websearch_to_tsquery('english', $1) ORDER BY ts_rank(search_vector, websearch_to_tsquery('english', $1)) DESC LIMIT 24 OFFSET $2",
    medianMs: 6,
    rows: Math.min(24, Math.max(0, hits - (page - 1) * 24)),
  });
  const count = sql(random, {
    service: "inventory",
    database: "inventory",
    operation: "SELECT",
    table: "products",
    text: "SELECT count(*) FROM products WHERE search_vector @@ websearch_to_tsquery('english', $1)",
    medianMs: 3,
    rows: 1,
  });
  const search = httpCall(
    random,
    { from: "api-gateway", to: "inventory", method: "GET", route: "/products/search", path: "/products/search", query: `${query}&page=${page}`, status: 200 },
    [fullText, count],
  );
  const api = gatewayCall(random, null, { method: "GET", route: "/api/search", path: "/api/search", query: `${query}&page=${page}`, status: 200 }, [search]);
  const root = frontend(random, who, { method: "GET", route: "/search", path: "/search", query, status: 200 }, [
    renderRoute(random, "/search", 5, [api]),
  ]);
  return { scenario: "search", traces: [{ root, delay: 0 }], bottleneck: fullText };
}

export const search: Scenario = { name: "search", traces: 1, build };
