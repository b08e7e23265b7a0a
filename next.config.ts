import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The better-sqlite3 and pg drivers are native/Node modules: load them at run time, never bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
