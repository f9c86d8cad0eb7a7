import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The marker only matters to Next.js bundles; in tests the modules run on the server anyway.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    env: { NEXTAUTH_SECRET: "vitest-session-secret-0123456789abcdef", SEED_DEMO: "0" },
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
