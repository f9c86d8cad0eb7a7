import type { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { findApiKeyBySecret } from "@/lib/api-keys";
import type { Caller, Permission } from "@/lib/auth";
import { requireAdmin } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";
import { bearerOf } from "@/lib/http/request-input";
import { type Locale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import {
  assertOpenForBooking,
  getTenantBySlug,
  TENANT_BY_DEFAULT_HEADER,
  TENANT_HEADER,
} from "@/lib/tenants";

// Path parameters of the routes using this wrapper are plain strings ([id]).
type Params = Record<string, string | undefined>;

interface Context<C> {
  req: NextRequest;
  params: Params;
  tenant: Tenant;
  caller: C;
  db: Database;
}

type RouteContext = { params: Promise<Params> };

/**
 * Who may call a route: anyone (`public`), anyone while the business's online booking is on
 * (`booking`), or a caller holding a permission.
 */
type Access = "public" | "booking" | Permission;
type CallerOf<A> = A extends "public" | "booking" ? null : Caller;

/**
 * With no business named (the default one was taken), an API key of another business is told how
 * to name its own, rather than only that it may not.
 */
async function assertKeyOfDefault(db: Database, tenant: Tenant, req: NextRequest) {
  const bearer = bearerOf(req.headers);
  const key = bearer ? await findApiKeyBySecret(db, bearer) : null;
  if (key && key.tenantId !== tenant.id) {
    throw new AppError("FORBIDDEN", { tenant: { text: "nameTheBusiness" } });
  }
}

/**
 * Wraps a route handler: resolves the tenant proxy.ts chose, authenticates the caller for `access`,
 * and turns every failure into the contract's JSON error, in the tenant's language.
 */
export function withTenant<A extends Access>(
  access: A,
  handler: (ctx: Context<CallerOf<A>>) => Promise<Response>,
) {
  return async (req: NextRequest, route: RouteContext): Promise<Response> => {
    let locale: Locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
    try {
      const slug = req.headers.get(TENANT_HEADER);
      if (!slug) throw new AppError("TENANT_NOT_FOUND");
      const db = await getDb();
      const tenant = await getTenantBySlug(db, slug);
      locale = tenant.locale;
      if (access === "booking") assertOpenForBooking(tenant);
      if (
        access !== "public" &&
        access !== "booking" &&
        req.headers.get(TENANT_BY_DEFAULT_HEADER)
      ) {
        await assertKeyOfDefault(db, tenant, req);
      }
      const caller =
        access === "public" || access === "booking"
          ? null
          : await requireAdmin(db, tenant, req, access);
      const params = await route.params;
      return await handler({ req, params, tenant, db, caller } as Context<CallerOf<A>>);
    } catch (error) {
      // Details are the integrator's: English unless they ask for French.
      const detailsIn = localeFromAcceptLanguage(req.headers.get("accept-language"), "en");
      return errorResponse(error, locale, detailsIn);
    }
  };
}
