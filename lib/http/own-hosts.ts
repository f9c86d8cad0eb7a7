/**
 * The header the server hook sets to the port the connection came in on (any client copy
 * replaced): the serving port, which `next start -p` does not put in the environment.
 */
export const LOCAL_PORT_HEADER = "x-rendezvous-local-port";

/** What says which hosts are the app's own. */
export interface OwnHosts {
  /** The configured public origin (APP_URL, else NEXTAUTH_URL). */
  appUrl?: string;
  /** Businesses' subdomains live under it (APP_ROOT_DOMAIN, a port allowed). */
  rootDomain?: string;
  /** The port the request came in on; loopback and root-domain hosts must name it or none. */
  servingPort?: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;

function split(host: string): { name: string; port?: string } | null {
  const match = HOST.exec(host.trim().toLowerCase());
  return match ? { name: match[1] as string, port: match[2] } : null;
}

/**
 * Whether a request's public host is one of the app's, so that links may be built on it: the
 * configured public origin's host; the root domain or one label under it; and, with no public
 * origin configured, a loopback host. Where the configuration names no port, the host must name
 * the serving port or none (a reverse proxy on 80 or 443).
 */
export function isOwnHost(host: string | undefined, own: OwnHosts): boolean {
  const asked = host ? split(host) : null;
  if (!asked) return false;
  const portFits = (configured: string | undefined) =>
    configured !== undefined
      ? asked.port === configured
      : asked.port === undefined || own.servingPort === undefined || asked.port === own.servingPort;
  if (own.appUrl) {
    const url = new URL(own.appUrl);
    if (url.hostname === asked.name && (url.port || undefined) === asked.port) return true;
  }
  const root = own.rootDomain ? split(own.rootDomain) : null;
  if (root) {
    const label = asked.name.endsWith(`.${root.name}`)
      ? asked.name.slice(0, -(root.name.length + 1))
      : null;
    const under = asked.name === root.name || (!!label && !label.includes("."));
    if (under && portFits(root.port)) return true;
  }
  return !own.appUrl && LOOPBACK.has(asked.name) && portFits(undefined);
}

/** The origin links are built on when the request's host is not one of ours. */
export function canonicalOrigin(own: OwnHosts): string {
  if (own.appUrl) return new URL(own.appUrl).origin;
  const port = own.servingPort ? `:${own.servingPort}` : "";
  if (own.rootDomain) {
    return `http://${own.rootDomain}${own.rootDomain.includes(":") ? "" : port}`;
  }
  return `http://localhost${port || ":3000"}`;
}
