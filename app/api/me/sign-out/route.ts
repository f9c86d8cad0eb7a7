import { withCustomer } from "@/lib/access/with-customer";
import { endCustomerSessions } from "@/lib/auth";
import { otherMethods } from "@/lib/http/other-methods";

// POST /api/me/sign-out – ends every session of the customer, on every device (customer token)
export const POST = withCustomer(async ({ db, tenant, customerId }) => {
  await endCustomerSessions(db, tenant.id, customerId);
  return new Response(null, { status: 204 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
