import "server-only";
import { recordCleanup } from "@/lib/audit/cleanup-event";
import { startOtlpGrpcServer } from "@/lib/collector/grpc/otlp-grpc-server";
import { ingestQueue } from "@/lib/collector/ingest/ingest-service";
import { retentionIntervalMs, retentionSeconds } from "@/lib/collector/retention/retention-config";
import { msUntilNextPeriod, retentionPeriodStartMs } from "@/lib/collector/retention/retention-period";
import { preparePartitions } from "@/lib/collector/retention/prepare-partitions";
import { runRetention } from "@/lib/collector/retention/run-retention";
import { selfSpanExporter } from "@/lib/tracing/span-exporter";
import { trustedProxies } from "@/lib/security/client-address";
import { msToNanos } from "@/lib/domain/time-units";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { claimRetentionPeriod } from "@/lib/store/retention-claim";
import { startRollupMaintainer } from "@/lib/store/rollups/rollup-maintainer";
import { stampPeerAddresses } from "./peer-address";
import { connectSelfTracing } from "./self-tracing";

/** The first run after a start comes this soon (or after one interval, if shorter): a period no instance ran gets its run. */
const RETENTION_FIRST_RUN_MS = 60_000;
/** Partitions are made two days ahead, so looking every hour leaves a wide margin. */
const PARTITIONS_INTERVAL_MS = 60 * 60_000;

/**
 * Retention once per period (TRACEBOARD_RETENTION_INTERVAL_SECONDS), not once per
 * instance: every instance ticks at each period boundary, and only the one whose claim
 * of the period wins runs it. A run that removed spans is recorded in the audit trail as
 * a `cleanup` event; every run is logged (once it is recorded).
 */
function scheduleRetention(): void {
  const intervalMs = retentionIntervalMs();
  const run = async () => {
    try {
      const periodStart = retentionPeriodStartMs(Date.now(), intervalMs);
      if (!(await claimRetentionPeriod(msToNanos(periodStart)))) return;
      const result = await runRetention(retentionSeconds());
      if (result.deletedSpans > 0) await recordCleanup(result, "schedule");
      const period = new Date(periodStart).toISOString();
      console.log(`[traceboard] retention (period from ${period}) removed ${result.deletedSpans} spans before ${result.cutoff}`);
    } catch (error) {
      console.error(`[traceboard] retention failed: ${(error as Error).message}`);
    }
  };
  const atNextPeriod = () => {
    setTimeout(() => {
      void run();
      atNextPeriod();
    }, msUntilNextPeriod(Date.now(), intervalMs)).unref();
  };
  setTimeout(() => void run(), Math.min(RETENTION_FIRST_RUN_MS, intervalMs)).unref();
  atNextPeriod();
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

/**
 * OTLP/gRPC beside the HTTP server. A port already taken (another instance on this host)
 * leaves this process without gRPC ingest and says so, instead of stopping the app. On
 * SIGTERM it stops accepting and answers the exports in flight, which wait for their
 * commit before the ingest queue closes.
 */
function receiveOtlpGrpc(): void {
  startOtlpGrpcServer()
    .then((server) => {
      if (!server) return;
      console.log(`[traceboard] OTLP/gRPC receiver listening on port ${server.port}`);
      process.once("SIGTERM", () => void server.stop());
    })
    .catch((error: Error) => console.error(`[traceboard] OTLP/gRPC receiver not started: ${error.message}`));
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
  receiveOtlpGrpc();
  flushOnShutdown();
}
