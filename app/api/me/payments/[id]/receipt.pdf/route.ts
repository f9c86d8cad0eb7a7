import { withCustomer } from "@/lib/access/with-customer";
import { customerReceipt, receiptResponse } from "@/lib/accounts";
import { otherMethods } from "@/lib/http/other-methods";
import { resourceId } from "@/lib/http/request-input";

// GET /api/me/payments/[id]/receipt.pdf – a paid payment's receipt, as a PDF (customer token)
export const GET = withCustomer(async ({ db, tenant, customerId, params }) => {
  const id = resourceId(params.id);
  return receiptResponse(await customerReceipt(db, tenant, customerId, id), id);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
