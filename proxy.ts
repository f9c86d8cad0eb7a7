import { type NextRequest, NextResponse } from "next/server";
import { limitRequest } from "@/lib/access/request-limits";
import { tooManyRequests } from "@/lib/access/too-many-requests";
import { sessionHint } from "@/lib/auth/session-hint";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { isForOwnHost, publicHost } from "@/lib/http/public-origin";
import { requestProblem } from "@/lib/http/request-problem";
import {
  API_CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  NONCE_HEADER,
  newNonce,
  securityHeaders,
} from "@/lib/http/security-headers";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { type LimitState, rateLimitHeaders } from "@/lib/rate-limit/limiters";
import { isEmbeddablePath } from "@/lib/tenants/embed-origins";
import { findTenantBySlug } from "@/lib/tenants/find-tenant";
import {
  resolveTenantSlug,
  TENANT_BY_DEFAULT_HEADER,
  TENANT_COOKIE,
  TENANT_HEADER,
} from "@/lib/tenants/resolve-tenant-slug";

/** No business's name falls outside this alphabet (see slugSchema). */
const SLUG_SHAPE = /^[a-z0-9-]{1,63}$/;

// Every request passes here first: it is refused early when malformed or over its rate limit,
// is told which business it is for (a header the app trusts, any client copy removed), and its
// response gets the security headers and, on pages, a Content-Security-Policy with a fresh nonce.
export async function proxy(request: NextRequest) {
  const config = env();
  // The API explorer is a page (scripts under a nonce), though its address is the API's.
  const isApi =
    request.nextUrl.pathname.startsWith("/api/") && request.nextUrl.pathname !== "/api/docs";
  const https =
    config.publicHttps ||
    (config.trustProxy && request.headers.get("x-forwarded-proto") === "https");
  const nonce = newNonce();
  let frameAncestors: string[] = [];
  let csp = API_CONTENT_SECURITY_POLICY;
  const finish = (response: NextResponse, limit?: LimitState | null) => {
    const headers = {
      ...securityHeaders({ https, framable: frameAncestors.length > 0 }),
      ...(limit ? rateLimitHeaders(limit) : {}),
    };
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    response.headers.set("Content-Security-Policy", csp);
    return response;
  };

  const foreignHost = config.nodeEnv === "production" && !isForOwnHost(request.headers);
  const refuse = (code: ErrorCode) => {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    const refusal = new AppError(code);
    const response = isApi
      ? errorResponse(refusal, locale)
      : new NextResponse(null, { status: refusal.status });
    return finish(response);
  };
  const problem = requestProblem(request, isApi, foreignHost);
  if (problem) return refuse(problem);

  const query = request.nextUrl.searchParams.get("tenant");
  const session = await sessionHint(request).catch(() => null);
  // The platform's own sign-up belongs to no business, not even the default one: it speaks the
  // visitor's language.
  const platform = /^\/(signup|api\/public\/(register|slugs))$/.test(request.nextUrl.pathname);
  const sources = {
    // The public host: behind a reverse proxy, and when Next.js renders a server action's redirect
    // target through an internal request to localhost, Host is not the one the visitor used.
    host: publicHost(request.headers) ?? null,
    header: request.headers.get("x-tenant-slug"),
    query,
    // The API stays stateless: only browser pages remember a ?tenant= choice.
    cookie: isApi ? null : request.cookies.get(TENANT_COOKIE)?.value,
    // A signed-in user's dashboard and its API calls are for their own business by default.
    session: session?.tenantSlug,
    rootDomain: config.appRootDomain,
  };
  const named = platform ? null : resolveTenantSlug(sources);
  const slug = platform
    ? null
    : (named ?? resolveTenantSlug({ ...sources, defaultTenant: config.defaultTenant }));
  // No business has a name outside the slug's alphabet (a NUL, say): nothing to look up.
  if (slug && !SLUG_SHAPE.test(slug)) return refuse("TENANT_NOT_FOUND");

  // A business's booking pages may be framed by the sites it lists (its booking widget).
  if (!isApi && slug && isEmbeddablePath(request.nextUrl.pathname)) {
    frameAncestors = await embedOriginsOf(slug).catch(() => []);
  }
  if (!isApi) {
    csp = contentSecurityPolicy(nonce, {
      dev: config.nodeEnv === "development",
      https,
      checkout: config.stripe?.checkoutOrigin,
      frameAncestors,
    });
  }

  let limit: LimitState | null = null;
  try {
    limit = await limitRequest(await getDb(), request, session);
  } catch (error) {
    // Fail open: a database that cannot count cannot serve either, and the route says so.
    logger.error("rate limit check failed", error);
  }
  if (limit && !limit.allowed) return finish(await tooManyRequests(request, slug, limit), limit);

  const headers = new Headers(request.headers);
  headers.delete(TENANT_HEADER);
  headers.delete(TENANT_BY_DEFAULT_HEADER);
  if (slug) headers.set(TENANT_HEADER, slug);
  if (slug && !named) headers.set(TENANT_BY_DEFAULT_HEADER, "1");
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

async function embedOriginsOf(slug: string): Promise<string[]> {
  return (await findTenantBySlug(await getDb(), slug))?.embedOrigins ?? [];
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
