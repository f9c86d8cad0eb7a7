import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // Native and WASM packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  // forbidden() gives a real 403 page when a user opens another business's dashboard.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
};

export default createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
