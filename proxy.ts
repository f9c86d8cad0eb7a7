import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { requestProblem } from "@/lib/http/request-problem";
import {
  contentSecurityPolicy,
  NONCE_HEADER,
  newNonce,
  securityHeaders,
} from "@/lib/http/security-headers";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { type LimitState, rateLimitHeaders } from "@/lib/rate-limit/limiters";
import { limitRequest } from "@/lib/rate-limit/request-limits";
import { tooManyRequestsPage } from "@/lib/rate-limit/too-many-requests-page";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import { resolveTenantSlug, TENANT_COOKIE, TENANT_HEADER } from "@/lib/tenants/resolve-tenant-slug";

// Every request passes here first: it is refused early when malformed or over its rate limit,
// is told which business it is for (a header the app trusts, any client copy removed), and its
// response gets the security headers and, on pages, a Content-Security-Policy with a fresh nonce.
export async function proxy(request: NextRequest) {
  const config = env();
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const https =
    config.publicHttps ||
    (config.trustProxy && request.headers.get("x-forwarded-proto") === "https");
  const nonce = newNonce();
  const csp = isApi
    ? "default-src 'none'; frame-ancestors 'none'"
    : contentSecurityPolicy(nonce, { dev: config.nodeEnv === "development", https });
  const finish = (response: NextResponse, limit?: LimitState | null) => {
    for (const [name, value] of Object.entries(securityHeaders({ https }))) {
      response.headers.set(name, value);
    }
    response.headers.set("Content-Security-Policy", csp);
    if (limit) {
      for (const [name, value] of Object.entries(rateLimitHeaders(limit))) {
        response.headers.set(name, value);
      }
    }
    return response;
  };

  const problem = requestProblem(request, isApi);
  if (problem) {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    return finish(
      isApi
        ? errorResponse(new AppError(problem), locale)
        : new NextResponse(null, { status: new AppError(problem).status }),
    );
  }

  const query = request.nextUrl.searchParams.get("tenant");
  const slug = resolveTenantSlug({
    // The public host: behind a reverse proxy, and when Next.js renders a server action's redirect
    // target through an internal request to localhost, Host is not the one the visitor used.
    host: request.headers.get("x-forwarded-host")?.split(",")[0] ?? request.headers.get("host"),
    header: request.headers.get("x-tenant-slug"),
    query,
    // The API stays stateless: only browser pages remember a ?tenant= choice.
    cookie: isApi ? null : request.cookies.get(TENANT_COOKIE)?.value,
    rootDomain: config.appRootDomain,
    defaultTenant: config.defaultTenant,
  });

  let limit: LimitState | null = null;
  try {
    limit = await limitRequest(await getDb(), request, config.trustProxy);
  } catch (error) {
    // Fail open: a database that cannot count cannot serve either, and the route says so.
    logger.error("rate limit check failed", error);
  }
  if (limit && !limit.allowed) {
    metrics().rateLimited.inc({ limit: limit.limit });
    return finish(await tooManyRequests(slug, isApi, request, limit), limit);
  }

  const headers = new Headers(request.headers);
  headers.delete(TENANT_HEADER);
  if (slug) headers.set(TENANT_HEADER, slug);
  if (!isApi) {
    headers.set(NONCE_HEADER, nonce);
    headers.set("Content-Security-Policy", csp);
  }
  const response = NextResponse.next({ request: { headers } });
  if (query && !isApi) {
    response.cookies.set(TENANT_COOKIE, query.trim().toLowerCase(), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
    });
  }
  return finish(response, limit);
}

async function tooManyRequests(
  slug: string | null,
  isApi: boolean,
  request: NextRequest,
  limit: LimitState,
): Promise<NextResponse> {
  const tenant = slug
    ? await findTenantBySlug(await getDb(), slug).catch(() => undefined)
    : undefined;
  const locale = tenant?.locale ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  if (isApi) return errorResponse(new AppError("RATE_LIMIT_EXCEEDED"), locale);
  const retryAfter = Math.max(1, Math.ceil((limit.resetAt - Date.now()) / 1000));
  return new NextResponse(tooManyRequestsPage(locale, tenant?.name, retryAfter), {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8" },
  });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
