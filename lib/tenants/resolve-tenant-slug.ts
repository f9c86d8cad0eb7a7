/** Request header through which proxy.ts hands the resolved tenant to the app; never trusted from clients. */
export const TENANT_HEADER = "x-rendezvous-tenant";
/** Set by proxy.ts when no request named a business and the default one was taken. */
export const TENANT_BY_DEFAULT_HEADER = "x-rendezvous-tenant-default";
/** Cookie remembering a `?tenant=` choice for the rest of a browser visit. */
export const TENANT_COOKIE = "rendezvous_tenant";

export interface TenantSources {
  host: string | null;
  header: string | null;
  query: string | null;
  cookie?: string | null;
  /** The business of the signed-in user, when the request carries a session. */
  session?: string | null;
  rootDomain?: string;
  defaultTenant?: string;
}

const hostName = (host: string) => host.trim().toLowerCase().replace(/:\d+$/, "");

/** The tenant's subdomain of the root domain, e.g. "acme" for acme.localhost:3000 under localhost. */
export function subdomainOf(host: string | null, rootDomain: string | undefined): string | null {
  if (!host || !rootDomain) return null;
  const name = hostName(host);
  const root = hostName(rootDomain);
  if (!name.endsWith(`.${root}`)) return null;
  const sub = name.slice(0, -(root.length + 1));
  return sub && !sub.includes(".") && sub !== "www" ? sub : null;
}

const clean = (value: string | null | undefined) => value?.trim().toLowerCase() || null;

/**
 * The slug of the tenant a request is for: subdomain of the root domain, then the X-Tenant-Slug
 * header, then `?tenant=`, then the cookie a previous `?tenant=` left, then the signed-in user's
 * own business, then the default tenant.
 * A source that names a tenant wins even if that tenant does not exist: a request for an unknown
 * business must get "not found", never another business's data.
 */
export function resolveTenantSlug(sources: TenantSources): string | null {
  return (
    subdomainOf(sources.host, sources.rootDomain) ??
    clean(sources.header) ??
    clean(sources.query) ??
    clean(sources.cookie) ??
    clean(sources.session) ??
    clean(sources.defaultTenant)
  );
}
