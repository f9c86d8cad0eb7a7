import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { resolveTenantSlug, TENANT_COOKIE, TENANT_HEADER } from "@/lib/tenants/resolve-tenant-slug";

// Resolves which business every request is for and passes it on in a header the app trusts,
// after removing any copy of that header the client sent.
export function proxy(request: NextRequest) {
  const config = env();
  const isApi = request.nextUrl.pathname.startsWith("/api/");
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

  const headers = new Headers(request.headers);
  headers.delete(TENANT_HEADER);
  if (slug) headers.set(TENANT_HEADER, slug);
  const response = NextResponse.next({ request: { headers } });
  if (query && !isApi) {
    response.cookies.set(TENANT_COOKIE, query.trim().toLowerCase(), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
    });
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
