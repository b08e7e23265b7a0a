import { defineConfig, devices } from "@playwright/test";
import { e2ePort, sharedPort } from "./scripts/lib/free-port.mjs";

/**
 * E2E_PORT when given, else a free port picked here once: the runner stores it in
 * process.env.E2E_PORT, and the workers (which evaluate this file again) inherit it.
 */
const PORT = e2ePort();
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The server's OTLP/gRPC port, free like the HTTP one (E2E_GRPC_PORT when given): 4317 may be a developer's server's. */
const GRPC_PORT = sharedPort("E2E_GRPC_PORT");

/**
 * End-to-end tests in Debian's Chromium (`npx playwright install` cannot download a
 * browser here) against the production build, which `npm test` makes first. The specs
 * derive every URL from `baseURL`. The suite always starts its own server: one already
 * answering on the port (a developer's `npm start`, another run) fails the run with
 * "is already used" rather than being tested in its place.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "reports/e2e-results.json" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        },
      },
    },
  ],
  webServer: {
    command: `node scripts/migrate.mjs && npx next start -H 127.0.0.1 -p ${PORT}`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: "file:./data/e2e.db",
      TRACEBOARD_PROPAGATION_TEST: "1",
      TRACEBOARD_OTLP_GRPC_PORT: String(GRPC_PORT),
      TRACEBOARD_OTLP_GRPC_HOST: "127.0.0.1",
      // The cross-origin test calls the API at localhost from a page served at 127.0.0.1.
      TRACEBOARD_CORS_ORIGINS: BASE_URL,
    },
  },
});
