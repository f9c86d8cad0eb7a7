// GET/POST /api/auth/* – next-auth's sign-in, sign-out, session and CSRF endpoints

import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { limitSignIn } from "@/lib/auth/sign-in-limits";
import { errorResponse } from "@/lib/http/error-response";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  try {
    return await limitSignIn(req, () => NextAuth(req, context, getAuthOptions()));
  } catch (error) {
    // Whatever next-auth trips on (a cut-off body, say) is still a JSON answer.
    return errorResponse(error, localeFromAcceptLanguage(req.headers.get("accept-language")));
  }
}

export { handler as GET, handler as POST };
