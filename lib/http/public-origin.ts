// Apart from the page helpers so that route handlers and pages share it without server imports.

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The host the visitor used: the first forwarded host (Next.js sets it from Host when no reverse
 * proxy did), else Host.
 */
export function publicHost(headers: Headers): string | undefined {
  return (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
}

/**
 * The origin the visitor used, for every absolute URL the app makes (the private manage link, the
 * calendar file, sign-in and sign-out redirects): the forwarded host and protocol, which Next.js
 * fills from the connection when no reverse proxy did, so a business's subdomain and any port are
 * kept. The fallback only when the request names no usable host.
 */
export function publicOrigin(headers: Headers, fallback = "http://localhost:3000"): string {
  const host = publicHost(headers);
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (!host || !HOST.test(host)) return new URL(fallback).origin;
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}
