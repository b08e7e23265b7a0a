import "server-only";
import { recordCleanup } from "@/lib/audit/cleanup-event";
import { ingestQueue } from "@/lib/collector/ingest/ingest-service";
import { retentionSeconds } from "@/lib/collector/retention/retention-config";
import { preparePartitions } from "@/lib/collector/retention/prepare-partitions";
import { runRetention } from "@/lib/collector/retention/run-retention";
import { selfSpanExporter } from "@/lib/tracing/span-exporter";
import { trustedProxies } from "@/lib/security/client-address";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { startRollupMaintainer } from "@/lib/store/rollups/rollup-maintainer";
import { stampPeerAddresses } from "./peer-address";
import { connectSelfTracing } from "./self-tracing";

const RETENTION_FIRST_RUN_MS = 60_000;
const RETENTION_INTERVAL_MS = 10 * 60_000;
/** Partitions are made two days ahead, so looking every hour leaves a wide margin. */
const PARTITIONS_INTERVAL_MS = 60 * 60_000;

function scheduleRetention(): void {
  const run = async () => {
    try {
      const result = await runRetention(retentionSeconds());
      if (result.deletedSpans === 0) return;
      console.log(`[traceboard] retention removed ${result.deletedSpans} spans before ${result.cutoff}`);
      await recordCleanup(result, "schedule");
    } catch (error) {
      console.error(`[traceboard] retention failed: ${(error as Error).message}`);
    }
  };
  setTimeout(() => {
    void run();
    setInterval(() => void run(), RETENTION_INTERVAL_MS).unref();
  }, RETENTION_FIRST_RUN_MS).unref();
}

/** Makes the coming days' partitions (PostgreSQL) now, then every hour; every instance may, they take turns. */
function schedulePartitions(): void {
  const run = async () => {
    try {
      const created = await preparePartitions();
      if (created > 0) console.log(`[traceboard] created ${created} time partitions ahead`);
    } catch (error) {
      console.error(`[traceboard] creating time partitions failed: ${(error as Error).message}`);
    }
  };
  void run();
  setInterval(() => void run(), PARTITIONS_INTERVAL_MS).unref();
}

/**
 * Keeps the roll-ups fresh from the start (catching up on what arrived while no server
 * ran), so the first metrics call after a deploy finds them ready. Stopped on SIGTERM,
 * which releases its thread or its database session (and the maintainer lock with it).
 */
function maintainRollups(): void {
  const maintainer = startRollupMaintainer(resolveDatabaseTarget());
  process.once("SIGTERM", () => {
    maintainer.stop().catch((error: Error) => console.error(`[traceboard] stopping the roll-up maintainer failed: ${error.message}`));
  });
}

/**
 * On SIGTERM Next.js stops accepting connections and waits for requests in flight,
 * and every queued span belongs to a request waiting for its commit; so here we only
 * refuse new ingest (503, clients retry elsewhere) and flush the app's own spans.
 */
function flushOnShutdown(): void {
  process.once("SIGTERM", () => {
    void selfSpanExporter()
      .flush()
      .then(() => ingestQueue().close());
  });
}

/** Starts the background work of a server process; called once from instrumentation.ts. */
export function startServerLifecycle(): void {
  stampPeerAddresses();
  // A wrong TRACEBOARD_TRUSTED_PROXIES stops the start instead of failing each request.
  trustedProxies();
  connectSelfTracing();
  schedulePartitions();
  scheduleRetention();
  maintainRollups();
  flushOnShutdown();
}
