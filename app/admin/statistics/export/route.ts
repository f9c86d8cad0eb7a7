import { z } from "zod";
import { withTenant } from "@/lib/access/with-tenant";
import { queryOf } from "@/lib/http/request-input";
import { tableLabels } from "@/lib/statistics/labels";
import { statistics, statisticsQuerySchema } from "@/lib/statistics/statistics";
import { statisticsTables, tableCsv, tableOf } from "@/lib/statistics/tables";

const exportQuerySchema = statisticsQuerySchema.and(z.object({ table: z.enum(statisticsTables) }));

// GET /admin/statistics/export?table&from&to – one chart's data as CSV (owners and admins)
export const GET = withTenant("manage", async ({ req, db, tenant }) => {
  const query = exportQuerySchema.parse(queryOf(req));
  const stats = await statistics(db, tenant, query);
  const table = tableOf(stats, query.table, tableLabels(tenant.locale));
  const csv = tableCsv(table, tenant.currency, tenant.locale);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="statistics-${query.table}-${tenant.slug}-${query.from}-${query.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
