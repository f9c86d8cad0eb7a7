import { withTenant } from "@/lib/access/with-tenant";
import { customerExport, exportResponse } from "@/lib/customers/export";
import { otherMethods } from "@/lib/http/other-methods";
import { resourceId } from "@/lib/http/request-input";

// GET /api/customers/[id]/export – everything the business holds about a customer, as a JSON
// file (the right of access) (admin)
export const GET = withTenant("manage", async ({ params, db, tenant }) =>
  exportResponse(await customerExport(db, tenant, resourceId(params.id), new Date()), tenant.slug),
);

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
