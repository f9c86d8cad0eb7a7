// GET/POST /api/auth/* – next-auth's sign-in, sign-out, session and CSRF endpoints

import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { limitSignIn } from "@/lib/auth/sign-in-limits";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { otherMethods } from "@/lib/http/other-methods";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
  try {
    const response = await limitSignIn(req, () => NextAuth(req, context, getAuthOptions()));
    // next-auth answers what it does not know (an action, a method) in plain text.
    if (response.status >= 400 && !response.headers.get("content-type")?.includes("json")) {
      const code =
        response.status === 405
          ? "METHOD_NOT_ALLOWED"
          : response.status === 404
            ? "NOT_FOUND"
            : "BAD_REQUEST";
      return errorResponse(new AppError(code), locale);
    }
    return response;
  } catch (error) {
    // Whatever next-auth trips on (a cut-off body, say) is still a JSON answer.
    return errorResponse(error, locale);
  }
}

export { handler as GET, handler as POST };

// Any other method: a JSON 405.
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
