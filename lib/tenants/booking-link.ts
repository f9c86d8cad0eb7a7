import type { Tenant } from "@/db/schema";
import { publicHost, publicOrigin } from "@/lib/http/public-origin";
import { subdomainOf } from "./resolve-tenant-slug";

/**
 * The address of the business's booking page for its customers, from the request's public origin:
 * its own subdomain's root when the dashboard is on it, else the origin with `?tenant=`.
 */
export function bookingLink(
  headers: Headers,
  tenant: Pick<Tenant, "slug">,
  rootDomain: string | undefined,
): string {
  return publicLink(headers, tenant, rootDomain, "/");
}

/**
 * The business's own booking address: its subdomain of the root domain (on the request's scheme
 * and port) when there is one, else the request's origin with `?tenant=`. For what must stand on
 * its own elsewhere (the widget on another site, where a `?tenant=` choice is not remembered) and
 * for the address a new business is choosing (`{slug}` in it, when `tenant` is left out), and for
 * the links a platform gets back when it signs a business up.
 */
export function ownHostLink(
  headers: Headers,
  tenant: Pick<Tenant, "slug"> | undefined,
  rootDomain: string | undefined,
  path = "/",
): string {
  const slug = tenant?.slug ?? "{slug}";
  const origin = publicOrigin(headers);
  if (!rootDomain) return `${origin}${path}?tenant=${tenant ? encodeURIComponent(slug) : slug}`;
  const url = new URL(origin);
  const port = url.port && !rootDomain.includes(":") ? `:${url.port}` : "";
  return `${url.protocol}//${slug}.${rootDomain}${port}${path}`;
}

/** The address of a private manage link sent by e-mail, on the same terms as bookingLink. */
export const manageLinks =
  (headers: Headers, tenant: Pick<Tenant, "slug">, rootDomain: string | undefined) =>
  (token: string): string =>
    publicLink(headers, tenant, rootDomain, `/manage/${token}`);

/** The address of a password reset link sent by e-mail, on the same terms as bookingLink. */
export const resetLinks =
  (headers: Headers, tenant: Pick<Tenant, "slug">, rootDomain: string | undefined) =>
  (token: string): string =>
    publicLink(headers, tenant, rootDomain, `/reset-password/${token}`);

/** The address of the link confirming a new business's e-mail, on the same terms as bookingLink. */
export const confirmLinks =
  (headers: Headers, tenant: Pick<Tenant, "slug">, rootDomain: string | undefined) =>
  (token: string): string =>
    publicLink(headers, tenant, rootDomain, `/confirm-email/${token}`);

function publicLink(
  headers: Headers,
  tenant: Pick<Tenant, "slug">,
  rootDomain: string | undefined,
  path: string,
): string {
  const origin = publicOrigin(headers);
  return subdomainOf(publicHost(headers) ?? null, rootDomain) === tenant.slug
    ? `${origin}${path}`
    : `${origin}${path}?tenant=${encodeURIComponent(tenant.slug)}`;
}
