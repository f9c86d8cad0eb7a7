import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Whether an address is one of the internet's: not loopback, private, link-local (which holds the
 * clouds' metadata service, 169.254.169.254), unique-local, carrier NAT, multicast, reserved or
 * unspecified. An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 one.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Why a webhook's host may not be called, or null when it may. */
export async function refusedHost(hostname: string): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true }).then(
        (found) => found.map((a) => a.address),
        () => null,
      );
  if (!addresses?.length) return "its host does not resolve";
  const refused = addresses.find((a) => !isPublicAddress(a));
  return refused ? `it leads to ${refused}, a private or local address` : null;
}

/**
 * A DNS lookup for Node's HTTP client that refuses private addresses at connection time: the
 * address checked is the one connected to, so a name that resolves to a public address when the
 * endpoint is saved and to a private one later (DNS rebinding) is still refused.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }).then(
    (found) => {
      const refused = found.find((a) => !isPublicAddress(a.address));
      const first = found[0];
      if (refused || !first) {
        const error = Object.assign(new Error(`${hostname} leads to a private or local address`), {
          code: "EADDRNOTALLOWED",
        });
        callback(error, "", 0);
      } else if (options.all) {
        (callback as unknown as (e: null, a: typeof found) => void)(null, found);
      } else {
        callback(null, first.address, first.family);
      }
    },
    (error) => callback(error, "", 0),
  );
};
