import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The better-sqlite3 and pg drivers are native or Node-only modules: load them at run time, never bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
