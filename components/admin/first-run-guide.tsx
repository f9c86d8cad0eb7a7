import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { FirstRunSteps } from "@/lib/signup/first-run";

const button = buttonClass("secondary", "md", "font-medium");

/**
 * The way from sign-up to the first booking: confirm the address, add a service, set the hours,
 * bring the team (optional), then the booking page is live. Each step links to where it is done.
 */
export async function FirstRunGuide({
  steps,
  bookingUrl,
  ownerEmail,
  mailGoesOut,
  linkSent,
  actions,
}: {
  steps: FirstRunSteps;
  bookingUrl: string;
  ownerEmail: string;
  /** False without SMTP: the link is then read in the outbox (Messages). */
  mailGoesOut: boolean;
  linkSent: boolean;
  /** The page's server actions: mail the confirmation link again, put the guide away. */
  actions: { resendConfirmation: () => Promise<void>; hide: () => Promise<void> };
}) {
  const t = await getTranslations("admin.guide");
  const rows: { key: string; done: boolean; title: string; body: React.ReactNode }[] = [
    {
      key: "confirm",
      done: steps.confirmed,
      title: t("confirmTitle"),
      body: steps.confirmed ? null : (
        <>
          <p>{t(mailGoesOut ? "confirmSent" : "confirmOutbox", { email: ownerEmail })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {!mailGoesOut && (
              <Link href="/admin/messages" className={button}>
                {t("openMessages")}
              </Link>
            )}
            <form action={actions.resendConfirmation}>
              <button type="submit" className={button}>
                {t("resend")}
              </button>
            </form>
          </div>
        </>
      ),
    },
    {
      key: "service",
      done: steps.service,
      title: t("serviceTitle"),
      body: steps.service ? null : (
        <Link href="/admin/activities/new" className="underline">
          {t("serviceLink")}
        </Link>
      ),
    },
    {
      key: "hours",
      done: steps.hours,
      title: t("hoursTitle"),
      body: steps.hours ? null : (
        <Link href="/admin/availability" className="underline">
          {t("hoursLink")}
        </Link>
      ),
    },
    {
      key: "team",
      done: steps.team,
      title: t("teamTitle"),
      body: steps.team ? null : (
        <Link href="/admin/team" className="underline">
          {t("teamLink")}
        </Link>
      ),
    },
    {
      key: "live",
      done: steps.live,
      title: steps.live ? t("liveTitle") : t("notLiveTitle"),
      body: steps.live ? (
        <a href={bookingUrl} className="break-all underline" data-testid="guide-booking-link">
          {bookingUrl}
        </a>
      ) : (
        <p>{t("notLiveText")}</p>
      ),
    },
  ];
  return (
    <section
      aria-labelledby="guide-title"
      className="mb-4 rounded-lg border border-brand-200 bg-white p-4"
      data-testid="first-run-guide"
    >
      <h2 id="guide-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      {linkSent && (
        <Notice kind="ok" className="mt-2">
          {t("linkSent")}
        </Notice>
      )}
      <ol className="mt-3 space-y-3">
        {rows.map((row, index) => (
          <li key={row.key} className="flex gap-3 text-sm">
            <span
              aria-hidden="true"
              className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                row.done ? "bg-emerald-600 text-white" : "bg-slate-200 text-slate-700"
              }`}
            >
              {row.done ? "✓" : index + 1}
            </span>
            <div className="min-w-0">
              <p className="font-medium">
                {row.title}
                <span className="sr-only"> — {row.done ? t("done") : t("todo")}</span>
              </p>
              {row.body && <div className="mt-1 text-slate-700">{row.body}</div>}
            </div>
          </li>
        ))}
      </ol>
      <form action={actions.hide} className="mt-4">
        <button type="submit" className="text-sm text-slate-600 underline">
          {steps.live ? t("finish") : t("hide")}
        </button>
      </form>
    </section>
  );
}
