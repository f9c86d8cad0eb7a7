import { NextResponse } from "next/server";
import { withCustomer } from "@/lib/access/with-customer";
import { myPayments, toPaymentJson } from "@/lib/accounts";
import { otherMethods } from "@/lib/http/other-methods";

// GET /api/me/payments – the customer's payments at this business, latest first (customer token)
export const GET = withCustomer(async ({ db, tenant, customerId }) =>
  NextResponse.json({ payments: (await myPayments(db, tenant, customerId)).map(toPaymentJson) }),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
