import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The better-sqlite3 and pg drivers and grpc-js are native or Node-only modules: load them at run time, never bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "@grpc/grpc-js"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
