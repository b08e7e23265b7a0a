// npm start: from a fresh clone to a running dashboard. Installs what is missing,
// applies migrations, builds when the sources changed, serves on PORT (3000), and
// seeds demo traces into an empty store (TRACEBOARD_DEMO=0 to skip).
import { seedDemoWhenReady } from "./lib/seed-demo.mjs";
import { ensureBuild, ensureDependencies, ensurePrismaClient, log, migrate, runForeground } from "./lib/setup.mjs";

const port = process.env.PORT || "3000";

ensureDependencies();
ensurePrismaClient();
migrate();
ensureBuild();
log(`serving on http://localhost:${port}`);
const server = runForeground("npx", ["next", "start", "-p", port]);
void seedDemoWhenReady(port);
process.exit(await server);
