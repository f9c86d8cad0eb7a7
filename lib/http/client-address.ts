/**
 * The header the server hook sets to the connection's remote address, replacing any copy a client
 * sent: Next.js gives the proxy no other way to know it (X-Forwarded-For is kept as the client
 * sent it).
 */
export const CLIENT_ADDRESS_HEADER = "x-rendezvous-client-address";

/**
 * The client's IP address: behind a trusted reverse proxy (TRUST_PROXY), the last address of
 * X-Forwarded-For, which that proxy appended; otherwise the connection's own.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
