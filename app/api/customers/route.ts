import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { listCustomers, toCustomerJson } from "@/lib/customers/customers";
import { customerListQuerySchema } from "@/lib/customers/schema";
import { otherMethods } from "@/lib/http/other-methods";
import { queryOf } from "@/lib/http/request-input";

// GET /api/customers?search&createdFrom&createdTo&order&limit&cursor – the business's customers,
// newest first, a page at a time, with what their bookings add up to (admin)
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const query = customerListQuerySchema.parse(queryOf(req));
  const { items, pagination } = await listCustomers(db, tenant, query);
  return NextResponse.json({
    customers: items.map((c) => toCustomerJson(c, tenant.currency)),
    pagination,
  });
});

// Any other method: a JSON 405.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
