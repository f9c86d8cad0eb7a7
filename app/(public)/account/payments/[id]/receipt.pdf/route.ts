import { cookies } from "next/headers";
import { withTenant } from "@/lib/access/with-tenant";
import { customerReceipt, receiptResponse } from "@/lib/accounts";
import { customerCookie, requireCustomer } from "@/lib/auth";
import { resourceId } from "@/lib/http/request-input";

// GET /account/payments/[id]/receipt.pdf – the signed-in customer's receipt of a payment
export const GET = withTenant("public", async ({ tenant, db, params }) => {
  const token = (await cookies()).get(customerCookie(tenant))?.value;
  const customerId = await requireCustomer(db, tenant, token, new Date());
  const id = resourceId(params.id);
  return receiptResponse(await customerReceipt(db, tenant, customerId, id), id);
});
