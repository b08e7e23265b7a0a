// Vitest global setup: the store starts the SQLite writer thread from dist/ (scripts/lib/bundles.mjs),
// so the tests run the same plain JavaScript production runs; rebuilt only when lib/ changed.
import { ensureBundles } from "../../scripts/lib/bundles.mjs";

export default async function buildBundles(): Promise<void> {
  await ensureBundles({ quiet: true });
}
