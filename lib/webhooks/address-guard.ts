import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

// IPv4-compatible IPv6 (::a.b.c.d, deprecated since 2006): some stacks still route it to the IPv4
// address, and ipaddr.js calls it unicast.
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

/**
 * Whether an address is one of the internet's: not loopback, private, link-local (which holds the
 * clouds' metadata service, 169.254.169.254), unique-local, carrier NAT, multicast, reserved or
 * unspecified. An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 one;
 * IPv4-compatible addresses and the IPv6 ranges that carry an IPv4 address elsewhere (NAT64
 * 64:ff9b::/96 and /48, 6to4 2002::/16, Teredo 2001::/32) are refused whatever they carry.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ipaddr.js reads "::8.8.8.8" as IPv4-mapped; URLs and sockets read it as ::808:808.
  const parsed = ipaddr.process(address.includes(":") ? canonicalIPv6(address) : address);
  if (parsed.kind() === "ipv6" && parsed.match(IPV4_COMPATIBLE)) return false;
  return parsed.range() === "unicast";
}

const canonicalIPv6 = (address: string) => new URL(`http://[${address}]/`).hostname.slice(1, -1);

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
