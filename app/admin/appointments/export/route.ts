import { appointmentsCsv } from "@/lib/appointments/appointments-csv";
import {
  appointmentSearchSchema,
  searchAppointments,
} from "@/lib/appointments/search-appointments";
import { queryOf } from "@/lib/http/request-input";
import { withTenant } from "@/lib/http/with-tenant";

// GET /admin/appointments/export?status&from&to&q&sort&dir – the table's filtered rows as CSV
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const search = appointmentSearchSchema.parse(queryOf(req));
  const { rows } = await searchAppointments(db, tenant, search, null);
  return new Response(appointmentsCsv(tenant, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="appointments-${tenant.slug}.csv"`,
      "cache-control": "no-store",
    },
  });
});
