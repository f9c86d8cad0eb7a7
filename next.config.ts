import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_PAGE_BODY_BYTES } from "./lib/http/body-limits";

const nextConfig: NextConfig = {
  // Loaded from node_modules at run time instead of being bundled: native and WASM packages, and
  // drizzle-orm, so that rate-limiter-flexible (which imports it itself) and the app share one copy.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "drizzle-orm",
    "rate-limiter-flexible",
    "pino",
    "prom-client",
  ],
  experimental: {
    // forbidden() gives a real 403 page when a user opens another business's dashboard.
    authInterrupts: true,
    // The proxy buffers a request's body for the route; never more than a route accepts.
    proxyClientMaxBodySize: MAX_PAGE_BODY_BYTES,
  },
  poweredByHeader: false,
};

export default createNextIntlPlugin("./lib/tenants/request-locale.ts")(nextConfig);
