import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/api/**/*.test.ts", "tests/store/**/*.test.ts"],
    environment: "node",
    // The SQLite writer thread runs from its esbuild bundle (dist/), as in production; built here when stale.
    globalSetup: ["tests/support/build-bundles.ts"],
    // server-only throws outside a React Server environment; tests exercise server modules directly.
    alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts") },
  },
});
