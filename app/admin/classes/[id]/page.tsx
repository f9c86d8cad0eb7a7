import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmRow } from "@/components/admin/confirm-row";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageCaller } from "@/lib/access/page-caller";
import { failureTexts } from "@/lib/admin/form-labels";
import { listAppointments } from "@/lib/appointments/appointments";
import { holdsTime } from "@/lib/appointments/status";
import { can } from "@/lib/auth/authenticate";
import { getClassSession } from "@/lib/classes/class-sessions";
import { getDb } from "@/lib/db";
import { firstParam, orUndefinedIfNotFound, type SearchParams } from "@/lib/http/page-params";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { pageTitle } from "@/lib/i18n/page-title";
import { getLocation } from "@/lib/locations/locations";
import { uuidSchema } from "@/lib/validation";
import { attendeeStatusAction, cancelSessionAction } from "../actions";

export const generateMetadata = pageTitle("admin.classes.pageTitle");

const button = buttonClass("secondary", "sm");

/**
 * A class session and its attendees, seat by seat: once it has started, each is marked present
 * or absent; before, a seat can be cancelled; an empty session can be cancelled.
 */
export default async function ClassSessionPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { tenant, caller } = await requirePageCaller();
  const id = uuidSchema.safeParse((await props.params).id).data;
  const db = await getDb();
  const session = id && (await orUndefinedIfNotFound(getClassSession(db, tenant.id, id)));
  if (!session) notFound();
  const query = await props.searchParams;
  const [t, ts, failure, locale, attendees, location] = await Promise.all([
    getTranslations("admin.classes"),
    getTranslations("admin.statuses"),
    failureTexts(),
    getLocale() as Promise<Locale>,
    listAppointments(db, tenant.id, { classSessionId: session.id }),
    getLocation(db, tenant.id, session.locationId).catch(() => null),
  ]);
  const zone = location?.timeZone ?? tenant.timeZone;
  const started = session.startsAt.getTime() <= Date.now();
  const canMark = can(caller.role, "appointments");
  const error = firstParam(query.error);
  const done = firstParam(query.done);
  const confirming = firstParam(query.confirm);
  const here = `/admin/classes/${session.id}`;

  return (
    <section className="max-w-3xl">
      <Link href={`/admin/activities/${session.activityId}`} className="text-sm underline">
        {t("backToService", { name: session.activityName })}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">
        {session.activityName} · {formatDateTime(session.startsAt, zone, locale)}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        {[
          session.staffName,
          session.resourceName,
          t("booked", { booked: session.booked, capacity: session.capacity }),
        ]
          .filter(Boolean)
          .join(" · ")}
        {session.cancelledAt && ` · ${t("sessionCancelled")}`}
      </p>
      {session.meetingUrl && (
        <p className="mt-1 text-sm">
          {t("meeting")}{" "}
          <a href={session.meetingUrl} className="underline" rel="noreferrer" target="_blank">
            {session.meetingUrl}
          </a>
        </p>
      )}
      {done && (
        <Notice kind="ok" className="mt-3">
          {t(`marked.${done === "completed" || done === "no_show" ? done : "cancelled"}`)}
        </Notice>
      )}
      {error && (
        <Notice kind="error" className="mt-3">
          {failure(error)}
        </Notice>
      )}
      <h2 className="mt-6 text-lg font-semibold">{t("attendeesTitle")}</h2>
      {attendees.length === 0 ? (
        <EmptyState className="mt-2">{t("noAttendees")}</EmptyState>
      ) : (
        <ol className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {attendees.map((a) => (
            <li
              key={a.id}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
              data-testid="attendee"
            >
              <span className="w-10 text-sm text-slate-500">#{a.seat}</span>
              <div className="min-w-0 flex-1">
                <p className="font-medium">{a.clientName}</p>
                <p className="text-sm text-slate-600">
                  {[a.clientEmail, a.clientPhone].filter(Boolean).join(" · ")}
                </p>
              </div>
              <span className="text-sm">{ts(a.status)}</span>
              {canMark && holdsTime(a.status) && (
                <div className="flex gap-2">
                  {started ? (
                    <>
                      <form action={attendeeStatusAction.bind(null, session.id, a.id, "completed")}>
                        <button type="submit" className={button}>
                          {t("present")}
                        </button>
                      </form>
                      <form action={attendeeStatusAction.bind(null, session.id, a.id, "no_show")}>
                        <button type="submit" className={button}>
                          {t("absent")}
                        </button>
                      </form>
                    </>
                  ) : confirming === a.id ? (
                    <ConfirmRow
                      action={attendeeStatusAction.bind(null, session.id, a.id, "cancelled")}
                      question={t("cancelSeatQuestion", { name: a.clientName })}
                      confirmLabel={t("yesCancelSeat")}
                      keepHref={here}
                      keepLabel={t("keep")}
                    />
                  ) : (
                    <Link href={`${here}?confirm=${a.id}`} className={button}>
                      {t("cancelSeat")}
                    </Link>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {can(caller.role, "manage") && !session.cancelledAt && session.booked === 0 && (
        <form
          action={cancelSessionAction.bind(null, session.id, session.activityId)}
          className="mt-6"
        >
          <button type="submit" className={`${button} text-red-700`}>
            {t("cancelSession")}
          </button>
        </form>
      )}
    </section>
  );
}
