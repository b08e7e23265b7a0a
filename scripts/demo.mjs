// npm run demo: runs the demo's bundle (dist/demo.mjs: scripts/demo/index.ts with the
// OpenTelemetry JS SDK built in), bundled again first when its sources changed and esbuild
// is installed. A production install (no devDependencies) runs the bundle `npm run build` made.
import { pathToFileURL } from "node:url";
import { DEMO_BUNDLE, ensureBundles } from "./lib/bundles.mjs";

await ensureBundles();
await import(pathToFileURL(DEMO_BUNDLE).href);
