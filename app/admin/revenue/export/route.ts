import { getMessages } from "next-intl/server";
import { withTenant } from "@/lib/access/with-tenant";
import { queryOf } from "@/lib/http/request-input";
import { reportDays, revenueCsv, revenueMovements } from "@/lib/payments/revenue";

// GET /admin/revenue/export?from&to – the report's payments and refunds, one line each, as CSV
export const GET = withTenant("manage", async ({ req, db, tenant }) => {
  const query = queryOf(req) as { from?: string; to?: string };
  const { from, to, range } = reportDays(query, tenant.timeZone, new Date());
  const [movements, messages] = await Promise.all([
    revenueMovements(db, tenant, range),
    getMessages({ locale: tenant.locale }),
  ]);
  const { csv, kinds } = (messages.admin as { revenue: { csv: never; kinds: never } }).revenue;
  return new Response(revenueCsv(movements, tenant.timeZone, tenant.locale, csv, kinds), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="revenue-${tenant.slug}-${from}-${to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
