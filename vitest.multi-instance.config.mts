import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

/**
 * The tests that run the production build: several `next start` processes on one
 * throwaway PostgreSQL. `npm test` runs them in a stage of their own after `next build`
 * (`npm run test:multi-instance` by hand, with TEST_POSTGRES_URL set and a current build).
 */
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/multi-instance/**/*.test.ts"] } });
