import type { Metadata } from "next";
import { headers } from "next/headers";
import { PublicShell } from "@/components/booking/public-shell";
import { currentTenant } from "@/lib/access/current-tenant";
import { NONCE_HEADER } from "@/lib/http/security-headers";

/** Customers' pages are titled by the business: "Your details · Salon Démo", or its name alone. */
export async function generateMetadata(): Promise<Metadata> {
  const { name } = await currentTenant();
  // absolute: the app's own "· Rendezvous" template stays out of customers' tabs.
  return { title: { absolute: name, template: `%s · ${name}` } };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <PublicShell
      tenant={await currentTenant()}
      nonce={(await headers()).get(NONCE_HEADER) ?? undefined}
    >
      {children}
    </PublicShell>
  );
}
