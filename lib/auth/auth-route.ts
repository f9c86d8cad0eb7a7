import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { getAuthOptions } from "./auth-options";
import { limitSignIn } from "./sign-in-limits";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints, with sign-in under its limits and every failure a JSON answer. */
export async function handleAuthRequest(req: NextRequest, context: Context): Promise<Response> {
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
