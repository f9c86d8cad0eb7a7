import { withTenant } from "@/lib/access/with-tenant";
import { findByManageToken } from "@/lib/booking/manage-booking";
import { customerExport, exportResponse } from "@/lib/customers/export";
import { AppError } from "@/lib/errors/app-error";

// GET /manage/[token]/my-data.json – everything the business holds about the customer of this
// private link, as a JSON file (the right of access)
export const GET = withTenant("public", async ({ params, tenant, db }) => {
  const booking = await findByManageToken(db, tenant, params.token ?? "");
  if (!booking.customerId) throw new AppError("NOT_FOUND");
  return exportResponse(
    await customerExport(db, tenant, booking.customerId, new Date()),
    tenant.slug,
  );
});
