import { cookies } from "next/headers";
import { withTenant } from "@/lib/access/with-tenant";
import { customerCookie, requireCustomer } from "@/lib/auth";
import { customerExport, exportResponse } from "@/lib/customers/export";

// GET /account/my-data.json – everything the business holds about the signed-in customer, as a
// JSON file (the right of access)
export const GET = withTenant("public", async ({ tenant, db }) => {
  const now = new Date();
  const token = (await cookies()).get(customerCookie(tenant))?.value;
  const customerId = await requireCustomer(db, tenant, token, now);
  return exportResponse(await customerExport(db, tenant, customerId, now), tenant.slug);
});
