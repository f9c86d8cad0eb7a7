import { NextResponse } from "next/server";
import { withTenant } from "@/lib/access/with-tenant";
import { admitCodeRequest, codeRequestSchema, requestSignInCode } from "@/lib/accounts";
import { env } from "@/lib/env";
import { otherMethods } from "@/lib/http/other-methods";
import { readJson } from "@/lib/http/read-json";

// POST /api/customer/auth/code – mails a 6-digit sign-in code to the address (the same answer
// whether it is a customer's or not)
export const POST = withTenant("public", async ({ req, db, tenant }) => {
  const { email } = codeRequestSchema.parse(await readJson(req));
  await admitCodeRequest(db, tenant, req.headers, email);
  await requestSignInCode(db, tenant, email, new Date());
  // Without an SMTP server, the code waits in the business's outbox.
  return NextResponse.json({ sent: true, outbox: !env().smtpUrl }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
