import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const eslintConfig = [
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    ignores: ["node_modules/**", ".next/**", "dist/**", "lib/store/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // The W3C core is shared by middleware, route handlers and the browser.
    files: ["lib/trace-context/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "next", "next/*", "react", "react/*", "@prisma/*", "@/lib/store/*"] },
      ],
    },
  },
  {
    files: ["app/**/*.tsx", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@prisma/*", "@/lib/store", "@/lib/store/*"] }],
    },
  },
];

export default eslintConfig;
