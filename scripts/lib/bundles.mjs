// Plain JavaScript built from TypeScript at build time with esbuild (a devDependency), so
// production never compiles TypeScript at run time:
// - dist/sqlite-writer-worker.mjs, the SQLite writer thread (lib/store/sqlite/writer-worker.ts).
//   A Next.js server bundle cannot start a worker from its own chunks, so the store starts
//   this file; packages (better-sqlite3) stay external and load from node_modules.
// - dist/sqlite-rollup-worker.mjs, the SQLite roll-up thread (lib/store/sqlite/rollup-worker.ts),
//   for the same reason and the same way.
// - dist/ingest-decode-worker.mjs, the thread that decodes large ingest bodies
//   (lib/collector/ingest/decode-worker.ts), for the same reason; its packages are bundled in.
// - dist/demo.mjs, `npm run demo` (scripts/demo/index.ts) with the OpenTelemetry JS SDK
//   bundled in, so the demo needs no devDependencies at run time.
// `npm run build` and `npm start` (ensureBuild) make them; Vitest's global setup and the
// benchmarks make them too. They are remade only when their sources changed.
import { existsSync } from "node:fs";
import path from "node:path";
import { log, ROOT, sourceStamp } from "./setup.mjs";

export const DIST = path.join(ROOT, "dist");
export const WRITER_WORKER_BUNDLE = path.join(DIST, "sqlite-writer-worker.mjs");
export const ROLLUP_WORKER_BUNDLE = path.join(DIST, "sqlite-rollup-worker.mjs");
export const DECODE_WORKER_BUNDLE = path.join(DIST, "ingest-decode-worker.mjs");
export const DEMO_BUNDLE = path.join(DIST, "demo.mjs");

const BUNDLE_INPUTS = ["lib", "scripts/demo", "scripts/lib/bundles.mjs", "tsconfig.json", "package-lock.json"];

/** CommonJS packages bundled into an ES module still call require() for Node built-ins. */
const REQUIRE_SHIM = 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

async function buildBundles() {
  const { build } = await import("esbuild");
  const common = { bundle: true, platform: "node", format: "esm", target: "node20", tsconfig: path.join(ROOT, "tsconfig.json"), logLevel: "warning" };
  await Promise.all([
    build({ ...common, entryPoints: [path.join(ROOT, "lib/store/sqlite/writer-worker.ts")], outfile: WRITER_WORKER_BUNDLE, packages: "external" }),
    build({ ...common, entryPoints: [path.join(ROOT, "lib/store/sqlite/rollup-worker.ts")], outfile: ROLLUP_WORKER_BUNDLE, packages: "external" }),
    // protobufjs is CommonJS without named exports an ES module can import: bundled in, with zod.
    build({ ...common, entryPoints: [path.join(ROOT, "lib/collector/ingest/decode-worker.ts")], outfile: DECODE_WORKER_BUNDLE, banner: { js: REQUIRE_SHIM } }),
    build({ ...common, entryPoints: [path.join(ROOT, "scripts/demo/index.ts")], outfile: DEMO_BUNDLE, banner: { js: REQUIRE_SHIM } }),
  ]);
}

async function esbuildInstalled() {
  try {
    await import("esbuild");
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the bundles when their sources changed. Without esbuild (a production install,
 * `npm prune --omit=dev` after `npm run build`) the bundles already built are used as they are.
 */
export async function ensureBundles({ quiet = false } = {}) {
  const built = [WRITER_WORKER_BUNDLE, ROLLUP_WORKER_BUNDLE, DECODE_WORKER_BUNDLE, DEMO_BUNDLE].every((bundle) => existsSync(bundle));
  if (!(await esbuildInstalled())) {
    if (built) return;
    throw new Error("dist/ has no bundles and esbuild is not installed: run `npm ci && npm run build` before `npm prune --omit=dev`");
  }
  const sources = sourceStamp("dist/.traceboard-bundles", BUNDLE_INPUTS);
  if (built && !sources.changed) return;
  if (!quiet) log("bundling the SQLite writer and roll-up threads, the ingest decode thread and the demo (esbuild)");
  await buildBundles();
  sources.stamp();
}
