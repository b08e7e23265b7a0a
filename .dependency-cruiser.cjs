/**
 * The layers point one way: middleware.ts -> app -> components -> lib/* -> lib/store ->
 * lib/domain. `npm run lint` runs this with type-only imports included, so a cycle or
 * an upward import fails `npm test`. lib/server is the composition root that connects
 * layers which must not know each other (store queries -> self-tracing -> ingest).
 */
const OURS = "^(app|components|lib|middleware[.]ts|instrumentation[.]ts)";

module.exports = {
  forbidden: [
    { name: "no-cycle", comment: "An import cycle between files (type-only imports included).", severity: "error", from: {}, to: { circular: true } },
    {
      name: "domain-imports-nothing",
      comment: "The domain types (span record, clock) import nothing of ours.",
      severity: "error",
      from: { path: "^lib/domain/" },
      to: { path: OURS, pathNot: "^lib/domain/" },
    },
    {
      name: "trace-context-is-standalone",
      comment: "The W3C core is shared by middleware, routes and the browser: nothing of ours but itself.",
      severity: "error",
      from: { path: "^lib/trace-context/" },
      to: { path: OURS, pathNot: "^lib/trace-context/" },
    },
    {
      name: "store-is-the-bottom",
      comment: "The store talks to the database and knows only the domain types.",
      severity: "error",
      from: { path: "^lib/store/" },
      to: { path: OURS, pathNot: "^lib/(store|domain)/" },
    },
    {
      name: "only-store-talks-to-the-database",
      severity: "error",
      from: { path: OURS, pathNot: "^lib/store/" },
      to: { path: "(^|/)node_modules/(@prisma/|pg/|better-sqlite3/)" },
    },
    {
      name: "tracing-knows-no-sink",
      comment: "Self-tracing hands spans to a sink the server lifecycle connects; it does not import the collector or the store.",
      severity: "error",
      from: { path: "^lib/tracing/" },
      to: { path: "^lib/(collector|store|query|audit|server)/" },
    },
    {
      name: "lib-does-not-import-up",
      comment: "lib/ holds the logic; pages and components build on it, never the other way.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/|^middleware[.]ts$|^instrumentation[.]ts$" },
    },
    {
      name: "only-the-start-imports-the-lifecycle",
      severity: "error",
      from: { path: OURS, pathNot: "^(lib/server/|instrumentation[.]ts$)" },
      to: { path: "^lib/server/" },
    },
    {
      name: "components-do-not-import-pages",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/|^middleware[.]ts$" },
    },
    {
      name: "pages-and-components-have-no-database",
      comment: "Components and page files may run in the browser; data comes through the API or lib/query.",
      severity: "error",
      from: { path: "^components/|^app/.*[.]tsx$" },
      to: { path: "^lib/(store|server)/" },
    },
    {
      name: "components-hold-react-only",
      comment: "Pure logic lives in lib/; a component folder has .tsx files and React hooks (use-*.ts).",
      severity: "error",
      from: { path: "^components/.*[.]ts$", pathNot: "^components/.*/use-[^/]+[.]ts$" },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/store/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"],
    },
  },
};
