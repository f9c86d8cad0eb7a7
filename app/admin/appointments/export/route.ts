import { getMessages } from "next-intl/server";
import { withTenant } from "@/lib/access/with-tenant";
import { appointmentsCsv, type CsvLabels } from "@/lib/appointments/formats/appointments-csv";
import {
  appointmentSearchSchema,
  searchAppointments,
} from "@/lib/appointments/search-appointments";
import { queryOf } from "@/lib/http/request-input";

// GET /admin/appointments/export?status&from&to&q&sort&dir – the table's filtered rows as CSV
export const GET = withTenant("read", async ({ req, db, tenant }) => {
  const search = appointmentSearchSchema.parse(queryOf(req));
  const [{ rows }, messages] = await Promise.all([
    searchAppointments(db, tenant, search, null),
    getMessages({ locale: tenant.locale }),
  ]);
  const admin = messages.admin as { csv: CsvLabels["columns"]; statuses: CsvLabels["statuses"] };
  const labels = { columns: admin.csv, statuses: admin.statuses };
  return new Response(appointmentsCsv(tenant, rows, labels), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="appointments-${tenant.slug}.csv"`,
      "cache-control": "no-store",
    },
  });
});
