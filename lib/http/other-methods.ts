import { AppError } from "@/lib/errors/app-error";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { errorResponse } from "./error-response";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof methods)[number];
type Handler = (request: Request) => Response;

/**
 * Handlers for the methods a route does not serve: a JSON 405 naming the ones it does (Next.js
 * would answer an empty 405). `export const { POST, PUT, PATCH, DELETE } = otherMethods("GET")`.
 */
export function otherMethods(...allowed: Method[]): Record<Method, Handler> {
  const refuse: Handler = (request) => {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED"), locale);
    response.headers.set("Allow", allowed.join(", "));
    return response;
  };
  return Object.fromEntries(methods.map((m) => [m, refuse])) as Record<Method, Handler>;
}
