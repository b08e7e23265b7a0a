// npm run build: the production build with everything it needs. Generates the Prisma clients
// when missing, bundles the SQLite writer thread and the demo into dist/ (esbuild), then
// runs `next build`. Needs the devDependencies; production can drop them afterwards:
//   npm ci && npm run build && npm prune --omit=dev && npm start
import { ensureBuild, ensurePrismaClient } from "./lib/setup.mjs";

ensurePrismaClient();
ensureBuild({ force: true });
