/** A fresh nonce for one response's scripts. */
export const newNonce = () =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");

export const NONCE_HEADER = "x-nonce";

/**
 * The Content-Security-Policy of every page: scripts only with this response's nonce (Next.js puts
 * it on its own scripts when it finds it in the request's CSP header; `strict-dynamic` lets them
 * load their chunks), never inline otherwise. Inline style attributes stay allowed: React and
 * FullCalendar set them, and styles cannot run code.
 */
export function contentSecurityPolicy(
  nonce: string,
  {
    dev,
    https,
    checkout,
    frameAncestors = [],
  }: {
    dev: boolean;
    https: boolean;
    checkout?: string;
    /** Sites that may show this page in a frame (a business's booking widget); none by default. */
    frameAncestors?: string[];
  },
) {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // The booking form of a paid service redirects to Stripe's Checkout page (without JavaScript,
    // the browser checks that redirect against this).
    `form-action 'self'${checkout ? ` ${checkout}` : ""}`,
    frameAncestors.length
      ? `frame-ancestors 'self' ${frameAncestors.join(" ")}`
      : "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The Content-Security-Policy of answers that are not pages (the API, refusals). */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers every response carries, pages and API alike. */
export function securityHeaders({
  https,
  framable = false,
}: {
  https: boolean;
  /** The CSP's frame-ancestors lets some sites frame it: X-Frame-Options would forbid them all. */
  framable?: boolean;
}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    ...(framable ? {} : { "X-Frame-Options": "DENY" }),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
