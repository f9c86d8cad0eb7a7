import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { otherMethods } from "@/lib/http/other-methods";
import { platformRoute } from "@/lib/http/platform-route";
import { readJson } from "@/lib/http/read-json";
import { registrationJson } from "@/lib/signup/registration-json";
import type { RegisterInput } from "@/lib/signup/schema";
import { signUp } from "@/lib/signup/sign-up";

// POST /api/public/register – a business signs itself up (when registration is open); its owner
// confirms their e-mail address before customers can book
export const POST = platformRoute(async (req) => {
  const body = (await readJson(req)) as RegisterInput;
  const registration = await signUp(await getDb(), body, req.headers);
  return NextResponse.json(registrationJson(registration, req.headers, env().appRootDomain), {
    status: 201,
  });
});

// Any other method: a JSON 405.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
