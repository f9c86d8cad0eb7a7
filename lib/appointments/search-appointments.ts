import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { activities, appointments, staffMembers, type Tenant } from "@/db/schema";
import { addDays, isCalendarDay, zonedInstant } from "@/lib/scheduling/calendar-day";
import { isStorableText, uuidSchema } from "@/lib/validation";
import { type AppointmentRow, appointmentNames, joinActivity, joinStaff } from "./appointments";
import { statusSchema } from "./schema";

/** An appointment with its activity's current price. */
export type PricedAppointment = AppointmentRow & { priceMinor: number };

export const sortKeys = ["startsAt", "clientName", "activity", "status"] as const;
export type SortKey = (typeof sortKeys)[number];
export const PAGE_SIZE = 25;

const optionalDay = z
  .string()
  .optional()
  .transform((v) => (v && isCalendarDay(v) ? v : undefined));

/**
 * The appointments table's query string. Forgiving on purpose: a garbled value in a URL someone
 * edited by hand falls back to its default instead of an error page.
 */
export const appointmentSearchSchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => statusSchema.safeParse(s.trim()).data)
        .filter((s) => s !== undefined),
    ),
  staff: z
    .string()
    .optional()
    .transform((v) => uuidSchema.safeParse(v).data),
  from: optionalDay,
  to: optionalDay,
  q: z
    .string()
    .optional()
    .transform((v) => (v && isStorableText(v) ? v.trim().slice(0, 100) || undefined : undefined)),
  sort: z.enum(sortKeys).catch("startsAt").default("startsAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AppointmentSearch = z.output<typeof appointmentSearchSchema>;

const sortColumn = {
  startsAt: appointments.startsAt,
  clientName: appointments.clientName,
  activity: activities.name,
  status: appointments.status,
} as const;

/** `%` and `_` typed in the search box are searched for, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(tenant: Tenant, search: AppointmentSearch): SQL | undefined {
  return and(
    eq(appointments.tenantId, tenant.id),
    search.status.length ? inArray(appointments.status, search.status) : undefined,
    search.staff ? eq(appointments.staffId, search.staff) : undefined,
    search.from
      ? gte(appointments.startsAt, new Date(zonedInstant(search.from, 0, tenant.timeZone)))
      : undefined,
    search.to
      ? lt(appointments.startsAt, new Date(zonedInstant(addDays(search.to, 1), 0, tenant.timeZone)))
      : undefined,
    search.q
      ? or(
          ilike(appointments.clientName, likePattern(search.q)),
          ilike(appointments.clientEmail, likePattern(search.q)),
        )
      : undefined,
  );
}

/**
 * The appointments matching the table's filters, sorted (ties broken by start time and id so that
 * pages never overlap), one page at a time or all of them (`page: null`, for the CSV export).
 */
export async function searchAppointments(
  db: Database,
  tenant: Tenant,
  search: AppointmentSearch,
  page: number | null = search.page,
): Promise<{ rows: PricedAppointment[]; total: number }> {
  const where = whereOf(tenant, search);
  const order = search.dir === "asc" ? asc : desc;
  const query = db
    .select({
      appointment: appointments,
      ...appointmentNames,
      priceMinor: activities.priceMinor,
    })
    .from(appointments)
    .innerJoin(activities, joinActivity)
    .innerJoin(staffMembers, joinStaff)
    .where(where)
    .orderBy(order(sortColumn[search.sort]), order(appointments.startsAt), asc(appointments.id));
  const [found, [counted]] = await Promise.all([
    page === null ? query.limit(50_000) : query.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(appointments).where(where),
  ]);
  return {
    rows: found.map(({ appointment, ...names }) => ({ ...appointment, ...names })),
    total: counted?.total ?? 0,
  };
}
