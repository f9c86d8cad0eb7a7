import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { appointmentStatuses } from "@/db/schema";
import type { AppointmentSearch } from "@/lib/appointments/search-appointments";

/** The list's search: words, status, staff member (with several), dates; sent as the page's query. */
export async function AppointmentFilters(props: {
  search: AppointmentSearch;
  /** The staff to filter by (none: no staff filter). */
  staff: { id: string; name: string }[];
}) {
  const { search, staff } = props;
  const [t, ts] = await Promise.all([
    getTranslations("admin.appointments"),
    getTranslations("admin.statuses"),
  ]);
  return (
    <form
      method="get"
      className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <Field id="filter-q" label={t("search")}>
        <Input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={search.q}
          placeholder={t("searchHint")}
          compact
          className="mt-1 text-sm"
        />
      </Field>
      <Field id="filter-status" label={t("status")}>
        <Select
          id="filter-status"
          name="status"
          defaultValue={search.status.length === 1 ? search.status[0] : ""}
          compact
          className="mt-1 text-sm"
        >
          <option value="">{t("allStatuses")}</option>
          {appointmentStatuses.map((s) => (
            <option key={s} value={s}>
              {ts(s)}
            </option>
          ))}
        </Select>
      </Field>
      {staff.length > 0 && (
        <Field id="filter-staff" label={t("staff")}>
          <Select
            id="filter-staff"
            name="staff"
            defaultValue={search.staff ?? ""}
            compact
            className="mt-1 text-sm"
          >
            <option value="">{t("everyone")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field id="filter-from" label={t("from")}>
        <Input
          id="filter-from"
          name="from"
          type="date"
          defaultValue={search.from}
          compact
          className="mt-1 text-sm"
        />
      </Field>
      <Field id="filter-to" label={t("to")}>
        <Input
          id="filter-to"
          name="to"
          type="date"
          defaultValue={search.to}
          compact
          className="mt-1 text-sm"
        />
      </Field>
      <input type="hidden" name="sort" value={search.sort} />
      <input type="hidden" name="dir" value={search.dir} />
      <Button type="submit">{t("apply")}</Button>
      <Link href="/admin/appointments" className="py-1.5 text-sm underline">
        {t("reset")}
      </Link>
    </form>
  );
}
