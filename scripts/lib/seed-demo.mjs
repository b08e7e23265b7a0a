import { spawn } from "node:child_process";
import { log, ROOT } from "./setup.mjs";

const READY_TIMEOUT_MS = 120_000;

async function waitForHealth(baseUrl) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * Once the server answers, sends the demo traces through the real OTLP endpoint when
 * the store is empty (`npm run demo -- --if-empty`). TRACEBOARD_DEMO=0 turns it off.
 */
export async function seedDemoWhenReady(port) {
  if (process.env.TRACEBOARD_DEMO === "0") return;
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!(await waitForHealth(baseUrl))) return log("server not healthy; demo traces not seeded");
  const child = spawn("npm", ["run", "--silent", "demo", "--", "--if-empty", "--url", baseUrl], { cwd: ROOT, stdio: "inherit" });
  child.on("exit", (code) => code !== 0 && log(`demo seeding exited with ${code}`));
}
