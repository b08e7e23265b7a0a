// A catalogue import: an admin uploads a CSV, inventory accepts it (202) and runs the
// import in the background within the same trace, four chunks at a time, one
// transaction per chunk, an upsert per row. About 2,200-2,850 spans, ten levels deep.
import { SpanStatusCode } from "@opentelemetry/api";
import { redis, sql } from "../builders/db";
import { exception } from "../builders/exception";
import { httpCall } from "../builders/http";
import { work } from "../builders/internal";
import { ms } from "../latency";
import type { Plan, PlanNode } from "../plan";
import type { Random } from "../random";
import { frontend, gatewayCall } from "./edge";
import type { Scenario } from "./scenario";
import { visitor } from "./shop-data";

const ROWS_PER_CHUNK = 25;
const DB = { service: "inventory", database: "inventory" } as const;

function upsertRow(random: Random, row: number): PlanNode {
  if (random.chance(0.01)) {
    const invalid = exception("ValidationError", `row ${row}: price_cents must be a positive integer`, [
      "validateRow (/app/dist/imports/validate.js:22:15)",
      "ImportJob.upsertRow (/app/dist/imports/job.js:74:5)",
    ]);
    const rejected = work(random, "inventory", "upsert product", 0.05, [], { attributes: { "app.import.row": row } });
    rejected.status = { code: SpanStatusCode.ERROR, message: invalid.message };
    rejected.exception = invalid;
    return rejected;
  }
  return work(
    random,
    "inventory",
    "upsert product",
    0.08,
    [
      sql(random, { ...DB, operation: "SELECT", table: "products", text: "SELECT id, updated_at FROM products WHERE sku = $1", medianMs: 0.5, rows: random.chance(0.7) ? 1 : 0 }),
      sql(random, {
        ...DB,
        operation: "INSERT",
        table: "products",
        text: "INSERT INTO products (sku, slug, title, price_cents, currency, category) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title, price_cents = EXCLUDED.price_cents, updated_at = now()",
        medianMs: 0.8,
      }),
    ],
    { attributes: { "app.import.row": row } },
  );
}

function importChunk(random: Random, chunk: number): PlanNode {
  const rows = Array.from({ length: ROWS_PER_CHUNK }, (_, i) => upsertRow(random, chunk * ROWS_PER_CHUNK + i + 1));
  return work(
    random,
    "inventory",
    "import chunk",
    0.3,
    [
      sql(random, { ...DB, operation: "BEGIN", text: "BEGIN", medianMs: 0.2 }),
      ...rows,
      sql(random, { ...DB, operation: "COMMIT", text: "COMMIT", medianMs: 2.5 }),
      redis(random, { service: "inventory", command: "DEL", text: `DEL ${Array.from({ length: 3 }, () => "product:?").join(" ")} ...` }),
    ],
    { attributes: { "app.import.chunk": chunk, "app.import.rows": ROWS_PER_CHUNK } },
  );
}

function build(random: Random): Plan {
  const admin = visitor(random);
  const chunkCount = random.int(28, 36);
  const rows = chunkCount * ROWS_PER_CHUNK;
  const attributes = { "app.import.id": `imp_${random.hex(6)}`, "app.import.rows": rows };

  const chunks = Array.from({ length: chunkCount }, (_, i) => importChunk(random, i));
  const failed = chunks
    .flatMap((chunk) => chunk.children)
    .filter((step) => step.status.code === SpanStatusCode.ERROR).length;
  const job = work(
    random,
    "inventory",
    "ImportJob.run",
    0.5,
    [
      work(random, "inventory", "parse CSV", 120, [], { attributes: { "app.import.bytes": rows * 212 } }),
      work(random, "inventory", "import chunks", 0.2, chunks, { concurrency: 4 }),
      sql(random, {
        ...DB,
        operation: "UPDATE",
        table: "import_jobs",
        text: "UPDATE import_jobs SET status = 'done', finished_at = now(), rows_ok = $1, rows_failed = $2 WHERE id = $3",
        medianMs: 1,
      }),
    ],
    { attributes },
  );
  job.detached = true;
  job.delay = ms(random, 2, 0.3);
  job.events = [
    { name: "import.started", at: "start", attributes: { "app.import.rows": rows } },
    { name: "import.finished", at: "end", attributes: { "app.import.rows_ok": rows - failed, "app.import.rows_failed": failed } },
  ];

  const accept = httpCall(
    random,
    { from: "api-gateway", to: "inventory", method: "POST", route: "/imports", path: "/imports", status: 202, server: { attributes } },
    [
      sql(random, { ...DB, operation: "INSERT", table: "import_jobs", text: "INSERT INTO import_jobs (id, status, uploaded_by, created_at) VALUES ($1, 'queued', $2, now())", medianMs: 1.2 }),
      job,
    ],
  );
  const api = gatewayCall(random, admin, { method: "POST", route: "/api/admin/imports", path: "/api/admin/imports", status: 202 }, [accept]);
  const root = frontend(random, admin, { method: "POST", route: "/admin/imports", path: "/admin/imports", status: 202 }, [api]);
  return { scenario: "batch-import", traces: [{ root, delay: 0 }] };
}

export const batchImport: Scenario = { name: "batch-import", traces: 1, build };
