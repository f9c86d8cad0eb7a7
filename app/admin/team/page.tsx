import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EditDeleteActions } from "@/components/admin/confirm-row";
import { Notice } from "@/components/ui/notice";
import { listActivities } from "@/lib/activities/activities";
import { failureTexts } from "@/lib/admin/form-labels";
import { can } from "@/lib/auth/authenticate";
import { requirePageCaller } from "@/lib/auth/page-caller";
import { getDb } from "@/lib/db";
import { firstParam, type SearchParams } from "@/lib/http/page-params";
import { pageTitle } from "@/lib/i18n/page-title";
import { listLocations } from "@/lib/locations/locations";
import { listResources } from "@/lib/resources/resources";
import { listStaff } from "@/lib/staff/staff";
import { listUsers } from "@/lib/users/create-user";
import { deleteLocationAction, deleteResourceAction, deleteStaffAction } from "./actions";

export const generateMetadata = pageTitle("admin.nav.team");

export default async function TeamPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { tenant, caller } = await requirePageCaller();
  const params = await searchParams;
  const db = await getDb();
  const [t, tr, tl, tf, failure, staff, activities, users, resources, locations] =
    await Promise.all([
      getTranslations("admin.team"),
      getTranslations("admin.resources"),
      getTranslations("admin.locations"),
      getTranslations("admin.forms"),
      failureTexts(),
      listStaff(db, tenant.id),
      listActivities(db, tenant.id),
      listUsers(db, tenant.id),
      listResources(db, tenant.id),
      listLocations(db, tenant.id),
    ]);
  const canManage = can(caller.role, "manage");
  const confirming = firstParam(params.confirm);
  const failed = firstParam(params.error);
  const failedId = firstParam(params.id);
  const serviceName = new Map(activities.map((a) => [a.id, a.name]));
  const loginOf = new Map(users.map((u) => [u.id, u.email]));
  const rowProblems = [
    "STAFF_IN_USE",
    "LAST_STAFF_MEMBER",
    "RESOURCE_IN_USE",
    "LOCATION_IN_USE",
    "LAST_LOCATION",
  ];
  // With one location, the word never shows: everyone and everything is simply there.
  const places = locations.length > 1 ? new Map(locations.map((l) => [l.id, l.name])) : null;
  const rowProblem = (id: string) =>
    failed &&
    rowProblems.includes(failed) &&
    failedId === id && (
      <p role="alert" className="text-sm text-red-700">
        {failure(failed)}
      </p>
    );
  const deleted = firstParam(params.deleted);
  const saved = firstParam(params.saved);

  return (
    <section>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canManage && (
          <Link
            href="/admin/team/new"
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
          >
            {t("new")}
          </Link>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {!canManage && <p className="mt-2 text-sm text-slate-600">{tf("readOnly")}</p>}
      {(saved || deleted) && (
        <Notice kind="ok" className="mt-3">
          {saved === "resource"
            ? tr("savedMessage")
            : saved === "location"
              ? tl("savedMessage")
              : saved
                ? t("savedMessage")
                : deleted === "resource"
                  ? tr("deleted")
                  : deleted === "location"
                    ? tl("deleted")
                    : t("deleted")}
        </Notice>
      )}
      {failed && !rowProblems.includes(failed) && (
        <Notice kind="error" className="mt-3">
          {failure(failed)}
        </Notice>
      )}
      <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {staff.map((s) => (
          <li
            key={s.id}
            className="flex flex-wrap items-center gap-3 px-4 py-3"
            data-testid="staff-row"
          >
            <span
              aria-hidden="true"
              className="size-4 shrink-0 rounded-full"
              style={{ backgroundColor: s.color }}
            />
            <div className="min-w-0 flex-1">
              <p className="break-words font-medium">{s.name}</p>
              <p className="text-sm text-slate-600">
                {places && `${places.get(s.locationId)} · `}
                {s.weeklyHours ? t("ownHours") : t("businessHours")}
                {s.closedDays.length > 0 && ` · ${t("daysOff", { count: s.closedDays.length })}`}
                {s.userId &&
                  loginOf.has(s.userId) &&
                  ` · ${t("login", { email: loginOf.get(s.userId) ?? "" })}`}
              </p>
              <p className="text-sm text-slate-600">
                {s.activityIds.length
                  ? s.activityIds.map((id) => serviceName.get(id)).join(", ")
                  : t("noServices")}
              </p>
              {rowProblem(s.id)}
            </div>
            {canManage && (
              <EditDeleteActions
                name={s.name}
                editHref={`/admin/team/${s.id}`}
                editLabel={t("edit")}
                confirmHref={`/admin/team?confirm=${s.id}`}
                deleteLabel={tf("delete")}
                confirming={confirming === s.id}
                confirm={{
                  action: deleteStaffAction.bind(null, s.id),
                  question: t("deleteQuestion", { name: s.name }),
                  confirmLabel: tf("yesDelete"),
                  keepHref: "/admin/team",
                  keepLabel: tf("keep"),
                }}
              />
            )}
          </li>
        ))}
      </ul>

      <div className="mt-8 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{tr("title")}</h2>
        {canManage && (
          <Link
            href="/admin/team/resources/new"
            className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
          >
            {tr("new")}
          </Link>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">{tr("intro")}</p>
      {resources.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          {tr("empty")}
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {resources.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
              data-testid="resource-row"
            >
              <div className="min-w-0 flex-1">
                <p className="break-words font-medium">{r.name}</p>
                <p className="text-sm text-slate-600">
                  {r.kind}
                  {places && ` · ${places.get(r.locationId)}`}
                  {` · ${r.weeklyHours ? t("ownHours") : t("businessHours")}`}
                </p>
                {rowProblem(r.id)}
              </div>
              {canManage && (
                <EditDeleteActions
                  name={r.name}
                  editHref={`/admin/team/resources/${r.id}`}
                  editLabel={t("edit")}
                  confirmHref={`/admin/team?confirm=${r.id}`}
                  deleteLabel={tf("delete")}
                  confirming={confirming === r.id}
                  confirm={{
                    action: deleteResourceAction.bind(null, r.id),
                    question: tr("deleteQuestion", { name: r.name }),
                    confirmLabel: tf("yesDelete"),
                    keepHref: "/admin/team",
                    keepLabel: tf("keep"),
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}

      <div className="mt-8 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{tl("title")}</h2>
        {canManage && (
          <Link
            href="/admin/team/locations/new"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          >
            {places ? tl("new") : tl("addSecond")}
          </Link>
        )}
      </div>
      <p className="mt-1 text-sm text-slate-600">{places ? tl("intro") : tl("onePlace")}</p>
      {places && (
        <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {locations.map((l) => (
            <li
              key={l.id}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
              data-testid="location-row"
            >
              <div className="min-w-0 flex-1">
                <p className="break-words font-medium">{l.name}</p>
                <p className="text-sm text-slate-600">
                  {[
                    l.online ? tl("online") : (l.address ?? tenant.address),
                    l.timeZone ?? tenant.timeZone,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {rowProblem(l.id)}
              </div>
              {canManage && (
                <EditDeleteActions
                  name={l.name}
                  editHref={`/admin/team/locations/${l.id}`}
                  editLabel={t("edit")}
                  confirmHref={`/admin/team?confirm=${l.id}`}
                  deleteLabel={tf("delete")}
                  confirming={confirming === l.id}
                  confirm={{
                    action: deleteLocationAction.bind(null, l.id),
                    question: tl("deleteQuestion", { name: l.name }),
                    confirmLabel: tf("yesDelete"),
                    keepHref: "/admin/team",
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
