import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EditDeleteActions } from "@/components/admin/confirm-row";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { listActivities } from "@/lib/activities/activities";
import { failureTexts } from "@/lib/admin/form-labels";
import { can } from "@/lib/auth/authenticate";
import { getDb } from "@/lib/db";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { formatDuration, formatPrice } from "@/lib/i18n/format";
import { pageTitle } from "@/lib/i18n/page-title";
import { listStaff } from "@/lib/staff/staff";
import { deleteActivityAction } from "./actions";

export const generateMetadata = pageTitle("admin.nav.activities");

export default async function ActivitiesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const { tenant, caller } = await requirePageCaller();
  const params = await searchParams;
  const db = await getDb();
  const [t, tf, failure, activities, staff] = await Promise.all([
    getTranslations("admin.activities"),
    getTranslations("admin.forms"),
    failureTexts(),
    listActivities(db, tenant.id),
    listStaff(db, tenant.id),
  ]);
  // A service nobody performs has no free time to offer: say so where it is managed.
  const performed = new Set(staff.flatMap((s) => s.activityIds));
  const canManage = can(caller.role, "manage");
  const confirming = firstParam(params.confirm);
  const failed = firstParam(params.error);
  const failedId = firstParam(params.id);

  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canManage && (
          <Link href="/admin/activities/new" className={buttonClass()}>
            {t("new")}
          </Link>
        )}
      </div>
      {!canManage && <p className="mt-2 text-sm text-slate-600">{tf("readOnly")}</p>}
      {(params.saved || params.deleted) && (
        <Notice kind="ok" className="mt-3">
          {params.saved ? t("savedMessage") : t("deleted")}
        </Notice>
      )}
      {/* A service in use says so on its own row, once. */}
      {failed && failed !== "ACTIVITY_IN_USE" && (
        <Notice kind="error" className="mt-3">
          {failure(failed)}
        </Notice>
      )}
      {activities.length === 0 ? (
        <EmptyState className="mt-4">{t("empty")}</EmptyState>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {activities.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <span
                aria-hidden="true"
                className="size-4 shrink-0 rounded-full"
                style={{ backgroundColor: a.color }}
              />
              <div className="min-w-0 flex-1">
                <p className="break-words font-medium">
                  {a.name}
                  {!a.onlineBooking && (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">
                      {t("hidden")}
                    </span>
                  )}
                </p>
                <p className="text-sm text-slate-600">
                  {[
                    formatDuration(a.durationMinutes, tenant.locale),
                    formatPrice(a.priceMinor, tenant.currency, tenant.locale),
                    a.capacity > 1 && t("classOf", { capacity: a.capacity }),
                    a.resourceKind && t("needsResource", { kind: a.resourceKind }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {!performed.has(a.id) && (
                  <p className="text-sm text-amber-800">
                    {t("nobodyPerforms")}{" "}
                    <Link href="/admin/team" className="underline">
                      {t("toTeam")}
                    </Link>
                  </p>
                )}
                {failed === "ACTIVITY_IN_USE" && failedId === a.id && (
                  <p role="alert" className="text-sm text-red-700">
                    {failure("ACTIVITY_IN_USE")}
                  </p>
                )}
              </div>
              {canManage && (
                <EditDeleteActions
                  name={a.name}
                  editHref={`/admin/activities/${a.id}`}
                  editLabel={t("edit")}
                  confirmHref={`/admin/activities?confirm=${a.id}`}
                  deleteLabel={tf("delete")}
                  confirming={confirming === a.id}
                  confirm={{
                    action: deleteActivityAction.bind(null, a.id),
                    question: t("deleteQuestion"),
                    confirmLabel: tf("yesDelete"),
                    keepHref: "/admin/activities",
                    keepLabel: tf("keep"),
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
