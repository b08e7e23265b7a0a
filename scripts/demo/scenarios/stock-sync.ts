// A scheduled job in inventory (no incoming request): fetch stock changes from the
// supplier, apply them, and publish an update event per changed product.
import { sql } from "../builders/db";
import { externalCall } from "../builders/http";
import { work } from "../builders/internal";
import { produce } from "../builders/messaging";
import type { Plan } from "../plan";
import type { Random } from "../random";
import type { Scenario } from "./scenario";
import { PRODUCTS } from "./shop-data";

function build(random: Random): Plan {
  const changed = random.int(3, 10);
  const fetch = externalCall(random, {
    from: "inventory",
    host: "api.supplier-hub.example",
    method: "GET",
    route: "/v2/stock",
    path: "/v2/stock",
    query: "since=-15m",
    status: 200,
    medianMs: 180,
  });
  const updates = Array.from({ length: changed }, (_, i) => {
    const product = PRODUCTS[(i * 5 + random.int(0, PRODUCTS.length - 1)) % PRODUCTS.length];
    return work(random, "inventory", "apply stock change", 0.2, [
      sql(random, {
        service: "inventory",
        database: "inventory",
        operation: "UPDATE",
        table: "stock_levels",
        text: "UPDATE stock_levels SET available = $1, updated_at = now() WHERE sku = $2 AND warehouse_id = $3",
        medianMs: 1,
      }),
      produce(random, "inventory", {
        system: "kafka",
        destination: "inventory-updates",
        id: `${product.sku}-${random.hex(4)}`,
        bodyBytes: random.int(180, 260),
        key: product.sku,
        partition: random.int(0, 5),
        offset: random.int(40000, 90000),
      }),
    ]);
  });
  const root = work(random, "inventory", "StockSync.run", 1.5, [fetch, ...updates], {
    attributes: { "app.job.name": "stock-sync", "app.job.changed": changed },
  });
  return { scenario: "stock-sync", traces: [{ root, delay: 0 }], bottleneck: fetch };
}

export const stockSync: Scenario = { name: "stock-sync", traces: 1, build };
