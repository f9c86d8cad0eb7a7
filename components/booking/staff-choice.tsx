import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "@/lib/http/page-params";

/**
 * "With whom?": no preference (the default) or one of the people who perform the service, as
 * plain links that reload the week with their times. Shown only when there is a choice.
 */
export function StaffChoice({
  staff,
  chosen,
  path,
  tz,
}: {
  staff: { id: string; name: string; color: string }[];
  chosen: string | null;
  path: string;
  tz: string | undefined;
}) {
  const t = useTranslations("booking");
  if (staff.length < 2) return null;
  const options = [
    { id: null, name: t("noPreference"), hint: t("noPreferenceHint"), color: null },
    ...staff.map((s) => ({ ...s, hint: null })),
  ];
  return (
    <nav aria-labelledby="with-whom" className="mb-5">
      <h2 id="with-whom" className="mb-2 text-base font-semibold">
        {t("withWhom")}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {options.map((o) => (
          <li key={o.id ?? "anyone"}>
            <Link
              href={hrefWith(path, { staff: o.id, tz })}
              aria-current={o.id === chosen ? "true" : undefined}
              data-staff-choice={o.id ?? "anyone"}
              className="inline-flex items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-500 aria-[current=true]:border-brand-600 aria-[current=true]:bg-brand-600 aria-[current=true]:text-white"
            >
              {o.color && (
                <span
                  aria-hidden="true"
                  className="size-2.5 rounded-full ring-1 ring-white"
                  style={{ backgroundColor: o.color }}
                />
              )}
              {o.name}
              {o.hint && <span className="sr-only">({o.hint})</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * "How?": in person (the default) or on video, for a service delivered both ways, as plain links
 * that reload the week with that way's times.
 */
export function ModeChoice({
  chosen,
  path,
  tz,
}: {
  chosen: "in_person" | "online" | null;
  path: string;
  tz: string | undefined;
}) {
  const t = useTranslations("booking");
  return (
    <nav aria-labelledby="how" className="mb-5">
      <h2 id="how" className="mb-2 text-base font-semibold">
        {t("how")}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {(["in_person", "online"] as const).map((mode) => (
          <li key={mode}>
            <Link
              href={hrefWith(path, { mode: mode === "in_person" ? undefined : mode, tz })}
              aria-current={(chosen ?? "in_person") === mode ? "true" : undefined}
              data-mode-choice={mode}
              className="inline-flex items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-500 aria-[current=true]:border-brand-600 aria-[current=true]:bg-brand-600 aria-[current=true]:text-white"
            >
              {t(mode === "online" ? "modeOnline" : "modeInPerson")}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
