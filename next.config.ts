import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants.js";
import { MAX_PAGE_BODY_BYTES } from "./lib/http/body-limits.ts";

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
    // Reads its fonts' metrics from its own folder at run time.
    "pdfkit",
  ],
  experimental: {
    // forbidden() gives a real 403 page when a user opens another business's dashboard.
    authInterrupts: true,
    // The proxy buffers a request's body for the route; never more than a route accepts.
    proxyClientMaxBodySize: MAX_PAGE_BODY_BYTES,
  },
  poweredByHeader: false,
};

// The next-intl plugin only points the build at the request configuration; the server started by
// `next start` does not need it, nor the native SWC and file-watcher modules it loads (about 50 MB
// resident). `npm start` also reads this file with Node's own type stripping
// (--experimental-next-config-strip-types) rather than loading Next's SWC binding (25 MB).
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/access/request-locale.ts")(nextConfig);
}
