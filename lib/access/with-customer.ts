import type { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { requireCustomer } from "@/lib/auth";
import { bearerOf } from "@/lib/http/request-input";
import { withTenant } from "./with-tenant";

interface CustomerContext {
  req: NextRequest;
  params: Record<string, string | undefined>;
  tenant: Tenant;
  db: Database;
  /** The signed-in customer's id, at this business. */
  customerId: string;
  now: Date;
}

/**
 * Wraps a route of the customer API: the business as proxy.ts chose it, and the customer its
 * bearer token signs in (UNAUTHORIZED without one of this business: a staff key or another
 * business's token proves nothing here).
 */
export function withCustomer(handler: (ctx: CustomerContext) => Promise<Response>) {
  return withTenant("public", async ({ req, params, tenant, db }) => {
    const now = new Date();
    const customerId = await requireCustomer(db, tenant, bearerOf(req.headers), now);
    return handler({ req, params, tenant, db, customerId, now });
  });
}
