// Runs once when a Next.js server process starts. The import sits inside the runtime
// check so the Node-only lifecycle (SQLite, timers, signals) is never bundled for Edge.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerLifecycle } = await import("./lib/server/lifecycle");
    startServerLifecycle();
  }
}
