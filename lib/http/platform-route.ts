import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/http/error-response";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

/**
 * Wraps a route of the platform itself, not of a business (sign-up): every failure becomes the
 * API's JSON error, in the language the client asks for.
 */
export function platformRoute(handler: (req: NextRequest) => Promise<Response>) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      return await handler(req);
    } catch (error) {
      const acceptLanguage = req.headers.get("accept-language");
      return errorResponse(
        error,
        localeFromAcceptLanguage(acceptLanguage),
        // Details are the integrator's: English unless they ask for French.
        localeFromAcceptLanguage(acceptLanguage, "en"),
      );
    }
  };
}
