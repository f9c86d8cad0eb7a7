// Apart from the page helpers so that route handlers and pages share it without server imports.

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/**
 * The origin the visitor used, for every absolute URL the app makes (the private manage link, the
 * calendar file, sign-in and sign-out redirects): the forwarded host and protocol, which Next.js
 * fills from the connection when no reverse proxy did, so a business's subdomain and any port are
 * kept. NEXTAUTH_URL, or localhost, only when the request names no usable host.
 */
export function publicOrigin(headers: Headers, fallback = "http://localhost:3000"): string {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (!host || !HOST.test(host)) return new URL(fallback).origin;
  return `${proto === "https" ? "https" : "http"}://${host.toLowerCase()}`;
}
