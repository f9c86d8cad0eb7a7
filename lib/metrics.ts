import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rendezvous_" });
  return {
    registry,
    requests: new Histogram({
      name: "rendezvous_http_request_duration_seconds",
      help: "HTTP requests by route and status, with their duration",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    bookings: new Counter({
      name: "rendezvous_bookings_total",
      help: "Booking attempts: created, or refused with the reason's code",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "rendezvous_rate_limited_total",
      help: "Requests refused by a rate limit, by limit",
      labelNames: ["limit"] as const,
      registers: [registry],
    }),
    databaseInUse: new Gauge({
      name: "rendezvous_database_queries_in_flight",
      help: "Database queries running now (connections of the pool in use)",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One registry per process, shared by instrumentation, the proxy and every route bundle
// (prometheus/client_js#640: a module-level registry would be one per bundle).
const globalStore = globalThis as typeof globalThis & { __rendezvousMetrics?: Metrics };

export function metrics(): Metrics {
  globalStore.__rendezvousMetrics ??= createMetrics();
  return globalStore.__rendezvousMetrics;
}
