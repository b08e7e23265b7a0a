// npm start: from a fresh clone to a running dashboard. Installs what is missing,
// applies migrations, builds when the sources changed, serves on PORT (3000), and
// seeds demo traces into an empty store (TRACEBOARD_DEMO=0 to skip).
import path from "node:path";
import { seedDemoWhenReady } from "./lib/seed-demo.mjs";
import { ensureBuild, ensureDependencies, ensurePrismaClient, log, migrate, ROOT, runForeground } from "./lib/setup.mjs";

const port = process.env.PORT || "3000";

ensureDependencies();
ensurePrismaClient();
migrate();
ensureBuild();
log(`serving on http://localhost:${port}`);
// Next's own CLI in this Node, not through npx: npx does not pass SIGTERM on, so
// stopping `npm start` left the server running without a parent.
const server = runForeground(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", port]);
void seedDemoWhenReady(port);
process.exit(await server);
