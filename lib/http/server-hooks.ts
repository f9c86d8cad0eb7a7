import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Duplex } from "node:stream";
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { errorMessage } from "@/lib/errors/messages";
import { type Locale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { logger, rootLogger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { LOCAL_PORT_HEADER } from "./own-hosts";
import { routeLabel } from "./route-label";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./security-headers";

const REQUEST_ID_HEADER = "x-request-id";
/** The methods the app answers; any other (TRACE, PROPFIND, …) is refused before Next.js sees it. */
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const KNOWN_METHODS = new Set(METHODS);
const REQUEST_ID = /^[\w.:-]{1,128}$/;
const FORWARDED = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for"];

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
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      onRequest(req, res);
      // Next.js cannot make a Request of some (TRACE): it would answer 500 with an HTML page.
      if (!KNOWN_METHODS.has(req.method ?? "")) return refuseMethod(req, res);
    }
    // What Node's parser refuses (a method it does not know, a broken request line) would get an
    // empty 400: say it in JSON too.
    if (event === "clientError") return answerClientError(args[0] as Error, args[1] as Duplex);
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
  req.headers[LOCAL_PORT_HEADER] = String(req.socket.localPort ?? "");
  if (!forwardedHeadersTrusted(env().trustProxy, req.socket.remoteAddress)) {
    for (const name of FORWARDED) delete req.headers[name];
  }
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
    const method = KNOWN_METHODS.has(req.method ?? "") ? (req.method as string) : "OTHER";
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

const refusalHeaders = {
  ...securityHeaders({ https: false }),
  "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
  "Content-Type": "application/json",
};
const refusalBody = (code: "METHOD_NOT_ALLOWED" | "BAD_REQUEST", locale: Locale) =>
  JSON.stringify({ error: errorMessage(code, locale), code });

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Whether a request's X-Forwarded-* headers may say which host and protocol the visitor used: from
 * a trusted reverse proxy (TRUST_PROXY), or from this machine, where Next.js itself sends them when
 * it renders a server action's redirect target through a request to its own port (the visitor's
 * host, a business's subdomain, is only there). Otherwise they are dropped and Next.js fills them
 * from the connection and its Host. Either way the proxy then checks the host is one of ours.
 */
export function forwardedHeadersTrusted(trustProxy: boolean, remoteAddress: string | undefined) {
  return trustProxy || LOOPBACK.test(remoteAddress ?? "");
}

function refuseMethod(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const locale = localeFromAcceptLanguage(req.headers["accept-language"] ?? null);
  res.writeHead(405, { ...refusalHeaders, Allow: METHODS.join(", ") });
  res.end(refusalBody("METHOD_NOT_ALLOWED", locale));
  return true;
}

function answerClientError(error: Error, socket: Duplex): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  if (!socket.writable || code === "ECONNRESET") {
    socket.destroy();
    return true;
  }
  const method = code === "HPE_INVALID_METHOD";
  const body = refusalBody(method ? "METHOD_NOT_ALLOWED" : "BAD_REQUEST", "en");
  const headers = {
    ...refusalHeaders,
    ...(method ? { Allow: METHODS.join(", ") } : {}),
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${method ? "405 Method Not Allowed" : "400 Bad Request"}\r\n${head.join("")}\r\n${body}`,
  );
  return true;
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
