import { NextResponse } from "next/server";
import { withCustomer } from "@/lib/access/with-customer";
import { getProfile, profileUpdateSchema, updateProfile } from "@/lib/accounts";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";

// GET /api/me – the signed-in customer's profile (customer token)
export const GET = withCustomer(async ({ db, tenant, customerId }) =>
  NextResponse.json({ customer: await getProfile(db, tenant, customerId) }),
);

// PATCH /api/me – name, phone, language, time zone, marketing consent; what is left out is kept
export const PATCH = withCustomer(async ({ req, db, tenant, customerId, now }) => {
  const input = profileUpdateSchema.parse(await readJson(req));
  return NextResponse.json({
    customer: await updateProfile(db, tenant, customerId, input, now),
  });
});

export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
