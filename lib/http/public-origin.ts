// Apart from the page helpers so that route handlers and pages share it without server imports.
import { env } from "@/lib/env";
import { canonicalOrigin, isOwnHost, LOCAL_PORT_HEADER, type OwnHosts } from "./own-hosts";

/**
 * The host the visitor used: the first forwarded host, else Host. The server hook removes a
 * client's X-Forwarded-Host unless TRUST_PROXY is set, and Next.js then fills it from Host.
 */
export function publicHost(headers: Headers): string | undefined {
  return (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
}

/** Which hosts are the app's own, for a request (its serving port) under the configuration. */
function ownHostsOf(headers: Headers): OwnHosts {
  const config = env();
  return {
    appUrl: config.appUrl,
    rootDomain: config.appRootDomain,
    servingPort: headers.get(LOCAL_PORT_HEADER) ?? process.env.PORT,
  };
}

/** Whether the request came for one of the app's own hosts (see `isOwnHost`). */
export const isForOwnHost = (headers: Headers) =>
  isOwnHost(publicHost(headers), ownHostsOf(headers));

/**
 * The origin for every absolute URL the app makes (reset, confirmation and manage links, the
 * calendar file, Stripe's return URLs, the widget's snippet): the visitor's host, subdomain and
 * port when that host is one of ours, else the configured public origin, never a host a request
 * merely named.
 */
export function publicOrigin(headers: Headers): string {
  const own = ownHostsOf(headers);
  const host = publicHost(headers);
  if (!host || !isOwnHost(host, own)) return canonicalOrigin(own);
  // The configured origin's own host: its scheme too (https behind a proxy not trusted to say so).
  if (own.appUrl && new URL(own.appUrl).host === host.toLowerCase()) return canonicalOrigin(own);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}
