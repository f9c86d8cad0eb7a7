import type { AppointmentSearch } from "@/lib/appointments/search-appointments";

/** The search as query parameters, with some of them changed. */
export function queryOf(
  search: AppointmentSearch,
  changes: Partial<Record<string, string | undefined>> = {},
) {
  return {
    status: search.status.join(","),
    staff: search.staff,
    from: search.from,
    to: search.to,
    q: search.q,
    sort: search.sort,
    dir: search.dir,
    page: String(search.page),
    ...changes,
  };
}
