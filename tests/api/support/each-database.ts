import { afterAll, beforeAll, describe } from "vitest";
import { startTestApp, type AppEnv, type TestApp } from "./test-app";
import { DATABASE_TARGETS, type TestDatabase } from "./test-database";

export interface OnDatabase {
  provider: TestDatabase["provider"];
  /** The app started on this database for the suite; usable inside tests and hooks. */
  app: TestApp;
}

/**
 * Declares `suite` once per database target (SQLite always, PostgreSQL when
 * TEST_POSTGRES_URL is set, else skipped with the reason in its title), each with an
 * app started on a fresh migrated database (and `env`) before the suite and closed after it.
 */
export function describeOnEachDatabase(title: string, suite: (on: OnDatabase) => void, env: AppEnv = {}): void {
  describe.each(DATABASE_TARGETS)(`${title} on $provider`, ({ provider, skipReason, create }) => {
    describe.skipIf(skipReason !== null)(skipReason ?? provider, () => {
      let started: TestApp | undefined;
      beforeAll(async () => {
        started = await startTestApp({ database: await create(), env });
      });
      afterAll(async () => {
        await started?.close();
      });
      // The app exists only once beforeAll ran; the proxy lets tests keep writing `app.x`.
      const app = new Proxy({} as TestApp, {
        get: (_target, key) => {
          if (!started) throw new Error("the test app is not started yet (use it inside tests or hooks)");
          const value = Reflect.get(started, key, started);
          return typeof value === "function" ? value.bind(started) : value;
        },
      });
      suite({ provider, app });
    });
  });
}
