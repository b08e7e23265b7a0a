// Fault drill (`npm run fault:crash`): sustained OTLP ingest into the production build
// (half the clients over OTLP/HTTP JSON, half over OTLP/gRPC), the server killed mid-stream (SIGKILL, and separately a graceful SIGTERM), restarted
// on the same SQLite file, and checked:
//  - the database passes `PRAGMA integrity_check` after every stop;
//  - every span whose request got a 2xx is stored (counted per acknowledged trace id);
//  - the restarted server ingests and answers again.
// Bodies are the ingest benchmark's (500 realistic spans, fresh random trace ids each),
// so acknowledged spans are found by their trace ids. Exits 1 when a span is lost.
//
// Environment: FAULT_CYCLES (4: alternating SIGKILL, SIGTERM), FAULT_LOAD_SECONDS
// (6: ingest before each stop), FAULT_CLIENTS (8), FAULT_PORT (3204).
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { freePortSync } from "../../scripts/lib/free-port.mjs";
import { runIngestLoad } from "../lib/ingest-load";
import { mixedTransports, otlpGrpc, otlpHttpJson } from "../lib/ingest-transports";
import { positiveIntFromEnv } from "../lib/env-int";
import { OtlpBodySource, type BodyRecipe } from "../lib/otlp-bodies";
import { machineDescription } from "../lib/report.mjs";
import {
  databaseFilename,
  ensureProductionBuild,
  prepareDatabase,
  serverUrl,
  startServer,
  stopServer,
  stopServersOnExit,
  type ServerHandle,
} from "../lib/servers.mjs";
import { storedSpansInSqlite, traceIdsOf } from "./lib/acknowledged";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE_URL = "file:./data/fault-crash.db";
const SPANS_PER_BODY = 500;
const TEMPLATES = 16;

const CYCLES = positiveIntFromEnv("FAULT_CYCLES", 4);
const LOAD_SECONDS = positiveIntFromEnv("FAULT_LOAD_SECONDS", 6);
const CLIENTS = positiveIntFromEnv("FAULT_CLIENTS", 8);
const PORT = positiveIntFromEnv("FAULT_PORT", 3204);

type StopSignal = "SIGKILL" | "SIGTERM";

interface CycleReport {
  signal: StopSignal;
  acknowledgedSpans: number;
  failedRequests: number;
  integrity: string;
  storedOfAcknowledged: number;
}

function stopBy(server: ServerHandle, signal: StopSignal): Promise<unknown> {
  process.kill(-server.child.pid!, signal);
  return server.exited;
}

/** Opens the file as the next server will (WAL recovery included) and checks it page by page. */
function integrityCheck(filename: string): string {
  const db = new Database(filename);
  try {
    return (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

async function main() {
  stopServersOnExit();
  console.log(`Machine: ${machineDescription()}`);
  ensureProductionBuild(ROOT, DATABASE_URL);
  prepareDatabase(ROOT, DATABASE_URL);
  const filename = databaseFilename(ROOT, DATABASE_URL);
  const source = new OtlpBodySource(SPANS_PER_BODY, TEMPLATES);
  const acknowledgedTraceIds = new Set<string>();
  let acknowledgedSpans = 0;
  const reports: CycleReport[] = [];
  const grpcPort = freePortSync();
  const grpcEnv = { TRACEBOARD_OTLP_GRPC_PORT: String(grpcPort), TRACEBOARD_OTLP_GRPC_HOST: "127.0.0.1" };

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const signal: StopSignal = cycle % 2 === 0 ? "SIGKILL" : "SIGTERM";
    const server = await startServer({ root: ROOT, name: `cycle ${cycle + 1}`, port: PORT, env: { DATABASE_URL, ...grpcEnv } });
    const transport = mixedTransports([
      otlpHttpJson(source, new URL(serverUrl(PORT, "/v1/traces")), CLIENTS),
      otlpGrpc(source, `127.0.0.1:${grpcPort}`, CLIENTS),
    ]);
    let cycleSpans = 0;
    // The load outlives the stop a little, so requests are in flight when it comes.
    const load = runIngestLoad<BodyRecipe>({
      send: (recipe, client) => transport.send(recipe, client),
      clients: CLIENTS,
      seconds: LOAD_SECONDS + 1,
      nextRecipe: () => source.recipe(),
      spansIn: (recipe) => source.spansIn(recipe),
      onAcknowledged(recipe, spans) {
        for (const traceId of traceIdsOf(recipe)) acknowledgedTraceIds.add(traceId);
        acknowledgedSpans += spans;
        cycleSpans += spans;
      },
    });
    await sleep(LOAD_SECONDS * 1000);
    console.log(`Cycle ${cycle + 1}: ${signal} after ${LOAD_SECONDS} s of ingest ...`);
    await stopBy(server, signal);
    await stopServer(server);
    const totals = await load;
    transport.close();
    const integrity = integrityCheck(filename);
    const stored = storedSpansInSqlite(filename, acknowledgedTraceIds);
    reports.push({ signal, acknowledgedSpans: cycleSpans, failedRequests: totals.failedRequests, integrity, storedOfAcknowledged: stored });
    console.log(
      `  acknowledged this cycle ${cycleSpans} spans, ${totals.failedRequests} requests failed (cut off, or refused while down); integrity ${integrity}; ` +
        `stored ${stored} of ${acknowledgedSpans} acknowledged so far`,
    );
  }

  // The store must take traffic again after the last stop.
  const server = await startServer({ root: ROOT, name: "after the drill", port: PORT, env: { DATABASE_URL, ...grpcEnv } });
  const health = await fetch(serverUrl(PORT, "/api/health"));
  await stopServer(server);

  const lost = acknowledgedSpans - storedSpansInSqlite(filename, acknowledgedTraceIds);
  const corrupt = reports.filter((report) => report.integrity !== "ok").length;
  console.log("");
  console.log(
    `Stops: ${reports.filter((r) => r.signal === "SIGKILL").length} SIGKILL, ${reports.filter((r) => r.signal === "SIGTERM").length} SIGTERM, ` +
      `${CLIENTS} clients (half OTLP/HTTP JSON, half OTLP/gRPC), ${SPANS_PER_BODY} spans per request.`,
  );
  console.log(`Acknowledged spans: ${acknowledgedSpans}; lost: ${lost}; integrity failures: ${corrupt}; health after restart: ${health.status}.`);
  if (lost !== 0 || corrupt !== 0 || health.status !== 200) {
    console.error("FAILED: an acknowledged span is missing, the database is damaged, or the server did not come back.");
    process.exit(1);
  }
  console.log("OK: nothing acknowledged was lost.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
