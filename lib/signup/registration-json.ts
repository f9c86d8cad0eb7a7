import { ownHostLink } from "@/lib/tenants";
import type { Registration } from "./register";

/** What the API answers a sign-up with: the business, its owner, and where each is reached. */
export function registrationJson(
  { tenant, owner }: Registration,
  headers: Headers,
  rootDomain: string | undefined,
) {
  return {
    business: {
      id: tenant.id,
      slug: tenant.slug,
      name: tenant.name,
      timeZone: tenant.timeZone,
      locale: tenant.locale,
      confirmed: tenant.confirmedAt !== null,
    },
    owner: { id: owner.id, email: owner.email, name: owner.name, role: owner.role },
    links: {
      bookingPage: ownHostLink(headers, tenant, rootDomain),
      dashboard: ownHostLink(headers, tenant, rootDomain, "/admin"),
    },
  };
}
