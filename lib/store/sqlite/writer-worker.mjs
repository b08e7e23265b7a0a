// Entry of the SQLite writer thread. The writer is TypeScript shared with the rest of
// the store, and a Next.js server bundle cannot start a worker from its own chunks, so
// the thread compiles the source with tsx (also how the tests and benchmarks run it).
import { tsImport } from "tsx/esm/api";

await tsImport("./writer-worker.ts", import.meta.url);
