// `node scripts/bundle.mjs`: builds dist/ (scripts/lib/bundles.mjs) when its sources changed.
// The benchmarks run it first; `npm run build`, `npm start` and the tests do it themselves.
import { ensureBundles } from "./lib/bundles.mjs";

await ensureBundles();
