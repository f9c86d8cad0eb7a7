import { PublicShell } from "@/components/booking/public-shell";
import { currentTenant } from "@/lib/tenants/current-tenant";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PublicShell tenant={await currentTenant()}>{children}</PublicShell>;
}
