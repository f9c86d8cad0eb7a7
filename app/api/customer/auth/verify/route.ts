import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { codeVerifySchema, verifySignInCode } from "@/lib/accounts";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";

// POST /api/customer/auth/verify – spends a sign-in code for a bearer token of this customer of
// this business
export const POST = withTenant("public", async ({ req, db, tenant }) => {
  const { email, code } = codeVerifySchema.parse(await readJson(req));
  const session = await verifySignInCode(db, tenant, email, code, new Date());
  return NextResponse.json({ token: session.token, expiresAt: session.expiresAt.toISOString() });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
