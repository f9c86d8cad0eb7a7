import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EditDeleteActions } from "@/components/admin/confirm-row";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { Tenant } from "@/db/schema";
import { requirePageCaller } from "@/lib/access/page-caller";
import { listActivities } from "@/lib/activities/activities";
import { failureTexts } from "@/lib/admin/form-labels";
import { can } from "@/lib/auth/authenticate";
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
  const [t, _tr, _tl, tf, failure, staff, activities, users, resources, locations] =
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
  /** What every row of the three lists shares: its name, its links, its question, its refusal. */
  const rowProps = (
    item: { id: string; name: string },
    testId: string,
    editHref: string,
    remove: (id: string) => Promise<void>,
    question: string,
  ) => ({
    name: item.name,
    testId,
    problem: rowProblem(item.id),
    actions: canManage && (
      <EditDeleteActions
        name={item.name}
        editHref={editHref}
        editLabel={t("edit")}
        confirmHref={`/admin/team?confirm=${item.id}`}
        deleteLabel={tf("delete")}
        confirming={confirming === item.id}
        confirm={{
          action: remove.bind(null, item.id),
          question,
          confirmLabel: tf("yesDelete"),
          keepHref: "/admin/team",
          keepLabel: tf("keep"),
        }}
      />
    ),
  });

  return (
    <section>
      <SectionHeading
        level={1}
        title={t("title")}
        action={canManage && { href: "/admin/team/new", label: t("new"), primary: true }}
      />
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {!canManage && <p className="mt-2 text-sm text-slate-600">{tf("readOnly")}</p>}
      <TeamNotices
        saved={saved}
        deleted={deleted}
        failure={failed && !rowProblems.includes(failed) ? failure(failed) : null}
      />
      <ul className={list}>
        {staff.map((s) => (
          <TeamRow
            key={s.id}
            {...rowProps(
              s,
              "staff-row",
              `/admin/team/${s.id}`,
              deleteStaffAction,
              t("deleteQuestion", { name: s.name }),
            )}
            color={s.color}
            lines={[
              [
                places?.get(s.locationId),
                s.weeklyHours ? t("ownHours") : t("businessHours"),
                s.closedDays.length > 0 && t("daysOff", { count: s.closedDays.length }),
                s.userId &&
                  loginOf.has(s.userId) &&
                  t("login", { email: loginOf.get(s.userId) ?? "" }),
              ],
              [
                s.activityIds.length
                  ? s.activityIds.map((id) => serviceName.get(id)).join(", ")
                  : t("noServices"),
              ],
            ]}
          />
        ))}
      </ul>

      <ResourcesSection
        resources={resources}
        rowProps={rowProps}
        places={places}
        canManage={canManage}
      />
      <LocationsSection
        locations={locations}
        rowProps={rowProps}
        places={places}
        canManage={canManage}
        tenant={tenant}
      />
    </section>
  );
}

/** What was just saved or deleted, or why an action was refused (not a row's own refusal). */
async function TeamNotices(props: { saved?: string; deleted?: string; failure: string | null }) {
  const [t, tr, tl] = await Promise.all([
    getTranslations("admin.team"),
    getTranslations("admin.resources"),
    getTranslations("admin.locations"),
  ]);
  const { saved, deleted } = props;
  return (
    <>
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
      {props.failure && (
        <Notice kind="error" className="mt-3">
          {props.failure}
        </Notice>
      )}
    </>
  );
}

type RowProps = (
  item: { id: string; name: string },
  testId: string,
  editHref: string,
  remove: (id: string) => Promise<void>,
  question: string,
) => Omit<React.ComponentProps<typeof TeamRow>, "lines" | "color">;

/** The rooms and equipment some services need. */
async function ResourcesSection(props: {
  resources: Awaited<ReturnType<typeof listResources>>;
  rowProps: RowProps;
  places: Map<string, string> | null;
  canManage: boolean;
}) {
  const [t, tr] = await Promise.all([
    getTranslations("admin.team"),
    getTranslations("admin.resources"),
  ]);
  const { resources, rowProps, places, canManage } = props;
  return (
    <>
      <SectionHeading
        title={tr("title")}
        action={canManage && { href: "/admin/team/resources/new", label: tr("new"), primary: true }}
      />
      <p className="mt-1 text-sm text-slate-600">{tr("intro")}</p>
      {resources.length === 0 ? (
        <EmptyState className="mt-3">{tr("empty")}</EmptyState>
      ) : (
        <ul className={list}>
          {resources.map((r) => (
            <TeamRow
              key={r.id}
              {...rowProps(
                r,
                "resource-row",
                `/admin/team/resources/${r.id}`,
                deleteResourceAction,
                tr("deleteQuestion", { name: r.name }),
              )}
              lines={[
                [
                  r.kind,
                  places?.get(r.locationId),
                  r.weeklyHours ? t("ownHours") : t("businessHours"),
                ],
              ]}
            />
          ))}
        </ul>
      )}
    </>
  );
}

/** The business's places: shown only with several (the first one is the business itself). */
async function LocationsSection(props: {
  locations: Awaited<ReturnType<typeof listLocations>>;
  rowProps: RowProps;
  places: Map<string, string> | null;
  canManage: boolean;
  tenant: Tenant;
}) {
  const tl = await getTranslations("admin.locations");
  const { locations, rowProps, places, canManage, tenant } = props;
  return (
    <>
      {places ? (
        <>
          <SectionHeading
            title={tl("title")}
            action={
              canManage && { href: "/admin/team/locations/new", label: tl("new"), primary: false }
            }
          />
          <p className="mt-1 text-sm text-slate-600">{tl("intro")}</p>
        </>
      ) : (
        // With one location, the word never shows: an offer of a second place, for owners.
        canManage && (
          <p className="mt-8 text-sm text-slate-600">
            {tl("onePlace")}{" "}
            <Link href="/admin/team/locations/new" className="font-medium text-slate-900 underline">
              {tl("addSecond")}
            </Link>
          </p>
        )
      )}
      {places && (
        <ul className={list}>
          {locations.map((l) => (
            <TeamRow
              key={l.id}
              {...rowProps(
                l,
                "location-row",
                `/admin/team/locations/${l.id}`,
                deleteLocationAction,
                tl("deleteQuestion", { name: l.name }),
              )}
              lines={[
                [
                  l.online ? tl("online") : (l.address ?? tenant.address),
                  l.timeZone ?? tenant.timeZone,
                ],
              ]}
            />
          ))}
        </ul>
      )}
    </>
  );
}

const list = "mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white";

/** A list's title, with its "add" link for those who may. */
function SectionHeading(props: {
  level?: 1 | 2;
  title: string;
  action: false | { href: string; label: string; primary: boolean };
}) {
  const Heading = props.level === 1 ? "h1" : "h2";
  return (
    <div
      className={`flex flex-wrap items-center justify-between gap-3 ${props.level === 1 ? "" : "mt-8"}`}
    >
      <Heading className={`${props.level === 1 ? "text-2xl" : "text-xl"} font-semibold`}>
        {props.title}
      </Heading>
      {props.action && (
        <Link
          href={props.action.href}
          className={
            props.action.primary
              ? buttonClass("primary")
              : buttonClass("secondary", "md", "font-medium")
          }
        >
          {props.action.label}
        </Link>
      )}
    </div>
  );
}

/** A staff member, resource or location: its name, lines of facts (" · " between), actions. */
function TeamRow(props: {
  name: string;
  testId: string;
  color?: string;
  lines: (string | false | null | undefined)[][];
  problem: React.ReactNode;
  actions: React.ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid={props.testId}>
      {props.color && (
        <span
          aria-hidden="true"
          className="size-4 shrink-0 rounded-full"
          style={{ backgroundColor: props.color }}
        />
      )}
      <div className="min-w-0 flex-1">
        <p className="break-words font-medium">{props.name}</p>
        {props.lines.map((line) => (
          <p key={line.filter(Boolean).join()} className="text-sm text-slate-600">
            {line.filter(Boolean).join(" · ")}
          </p>
        ))}
        {props.problem}
      </div>
      {props.actions}
    </li>
  );
}
