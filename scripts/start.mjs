// npm start: from a fresh clone to a running dashboard. Installs what is missing,
// applies migrations, builds when the sources changed, then serves on PORT (3000).
import { ensureBuild, ensureDependencies, ensurePrismaClient, log, migrate, runForeground } from "./lib/setup.mjs";

const port = process.env.PORT || "3000";

ensureDependencies();
ensurePrismaClient();
migrate();
ensureBuild();
log(`serving on http://localhost:${port}`);
process.exit(await runForeground("npx", ["next", "start", "-p", port]));
