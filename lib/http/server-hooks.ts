import { randomUUID } from "node:crypto";
import http from "node:http";
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger, rootLogger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { routeLabel } from "./route-label";

const REQUEST_ID_HEADER = "x-request-id";
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const REQUEST_ID = /^[\w.:-]{1,128}$/;

const state = globalThis as typeof globalThis & {
  __rendezvousHooks?: { servers: Set<http.Server>; inFlight: number; stopping: boolean };
};

/**
 * Hooks into the HTTP server Next.js runs, which the app cannot otherwise reach: every request
 * gets the connection's address (for the proxy's rate limits) and a request id (X-Request-Id),
 * and is logged and measured once its response is done; SIGTERM and SIGINT stop the server
 * gracefully and close the database.
 */
export function installServerHooks() {
  if (state.__rendezvousHooks) return;
  const hooks = { servers: new Set<http.Server>(), inFlight: 0, stopping: false };
  state.__rendezvousHooks = hooks;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    hooks.servers.add(this);
    if (event === "request") {
      onRequest(args[0] as http.IncomingMessage, args[1] as http.ServerResponse);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;

  // Next.js's own handler exits as soon as the server is closed, before the database is.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal));
  }
}

function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  const hooks = state.__rendezvousHooks;
  if (!hooks) return;
  const trusted = env().trustProxy ? req.headers[REQUEST_ID_HEADER] : undefined;
  const id = typeof trusted === "string" && REQUEST_ID.test(trusted) ? trusted : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
  res.setHeader("X-Request-Id", id);
  if (hooks.stopping) res.setHeader("Connection", "close");
  const started = process.hrtime.bigint();
  hooks.inFlight++;
  res.once("close", () => {
    hooks.inFlight--;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeLabel((req.url ?? "/").split("?")[0] ?? "/");
    const status = res.statusCode;
    // Like the route, the method is a label: made-up ones must not grow the metrics.
    const method = METHODS.has(req.method ?? "") ? (req.method as string) : "OTHER";
    metrics().requests.observe({ method, route, status }, seconds);
    // Route, not URL: query strings and paths may carry tokens and customers' details.
    rootLogger().info(
      {
        reqId: id,
        method,
        route,
        status,
        ms: Math.round(seconds * 10_000) / 10,
      },
      "request",
    );
  });
}

async function shutdown(signal: string) {
  const hooks = state.__rendezvousHooks;
  if (!hooks || hooks.stopping) return;
  hooks.stopping = true;
  logger.info(`${signal}: finishing requests in flight, then closing the database`);
  // Stop accepting; idle keep-alive connections close now, busy ones after their response.
  for (const server of hooks.servers) {
    server.close();
    server.closeIdleConnections();
  }
  const deadline = Date.now() + 10_000;
  while (hooks.inFlight > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await closeDb().catch((error) => logger.error("closing the database failed", error));
  logger.info("stopped");
  process.exit(0);
}
