import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BookingPolicy, BusinessContact } from "@/components/booking/business-contact";
import { buttonClass } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import type { Tenant } from "@/db/schema";
import type { CustomerPolicy, PolicyVerdict } from "@/lib/appointments/customer-policy";
import { hrefWith } from "@/lib/http/page-params";
import { isOpenForBooking } from "@/lib/tenants/online-booking";
import { cancelBookingAction } from "./actions";

/**
 * What the customer may do now: move or cancel the booking within the business's notice (each
 * refusal says why and until when it was possible), with the policy and the contact below.
 */
export async function SelfService(props: {
  tenant: Tenant;
  token: string;
  path: string;
  tz?: string;
  holding: boolean;
  policy: CustomerPolicy;
  confirmingCancel: boolean;
  /** What cancelling now gives back, in words; null when nothing was paid. */
  refundLine: string | null;
  when: (date: Date) => string;
  /** How to reach the business about it: its place's contact and address. */
  contact: Parameters<typeof BusinessContact>[0]["tenant"];
}) {
  const t = await getTranslations("manage");
  const { tenant, policy, path, tz, holding, when, token } = props;
  // With online booking off, the booking is still shown; only self-service changes stop.
  const selfService = holding && isOpenForBooking(tenant);
  // Only asked of a booking that holds its time: the one refusal left is "too late".
  const refusal = (verdict: PolicyVerdict, tooLate: "cancelTooLate" | "rescheduleTooLate") =>
    verdict.allowed
      ? null
      : verdict.reason === "class_seat"
        ? t("classSeat")
        : t(tooLate, {
            deadline: when(verdict.deadline),
            hours:
              tooLate === "cancelTooLate"
                ? tenant.cancellationNoticeHours
                : tenant.rescheduleNoticeHours,
            business: tenant.name,
          });
  return (
    <section
      aria-label={t("title")}
      className="flex h-fit flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
    >
      {!holding ? <p className="text-sm text-slate-700">{t("inactive")}</p> : null}
      {holding && !isOpenForBooking(tenant) ? (
        <p className="text-sm text-slate-700" data-testid="module-off-note">
          {t("moduleOff", { business: tenant.name })}
        </p>
      ) : null}
      {selfService ? (
        <>
          {policy.cancel.allowed && policy.reschedule.allowed ? (
            <p className="text-sm text-slate-600">
              {t("policy", {
                cancelBy: when(policy.cancel.deadline),
                moveBy: when(policy.reschedule.deadline),
              })}
            </p>
          ) : null}

          {policy.reschedule.allowed ? (
            <Link
              href={hrefWith(`${path}/reschedule`, { tz })}
              className={buttonClass("brand", "cta", "text-center")}
            >
              {t("reschedule")}
            </Link>
          ) : (
            <Unavailable
              id="why-no-reschedule"
              label={t("reschedule")}
              reason={refusal(policy.reschedule, "rescheduleTooLate")}
            />
          )}

          {!policy.cancel.allowed ? (
            <Unavailable
              id="why-no-cancel"
              label={t("cancel")}
              reason={refusal(policy.cancel, "cancelTooLate")}
            />
          ) : props.confirmingCancel ? (
            <div
              id="cancel-confirm"
              role="alertdialog"
              aria-labelledby="cancel-title"
              aria-describedby="cancel-text"
              className="scroll-mt-4 rounded-xl bg-red-50 p-4 ring-1 ring-red-200"
            >
              <h2 id="cancel-title" className="font-semibold text-red-900">
                {t("cancelConfirmTitle")}
              </h2>
              <p id="cancel-text" className="mt-1 text-sm text-red-900">
                {t("cancelConfirmText")} {props.refundLine}
              </p>
              <form
                action={cancelBookingAction.bind(null, token)}
                className="mt-3 flex flex-wrap gap-2"
              >
                <label className="flex w-full flex-col text-sm text-red-900">
                  {t("cancelReason")}
                  <Textarea name="reason" rows={2} maxLength={500} className="mt-1" />
                </label>
                <button
                  type="submit"
                  // biome-ignore lint/a11y/noAutofocus: the confirmation was just asked for
                  autoFocus
                  className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
                >
                  {t("cancelConfirm")}
                </button>
                <Link
                  href={hrefWith(path, { tz })}
                  className="rounded-lg px-4 py-2 font-medium text-slate-700 hover:bg-white"
                >
                  {t("keep")}
                </Link>
              </form>
            </div>
          ) : (
            <Link
              // On a phone the question is below the fold: the page opens at it.
              href={`${hrefWith(path, { confirm: "cancel", tz })}#cancel-confirm`}
              className="rounded-lg border border-red-300 px-4 py-2.5 text-center font-medium text-red-700 hover:bg-red-50"
            >
              {t("cancel")}
            </Link>
          )}
        </>
      ) : null}
      {holding ? <BookingPolicy tenant={tenant} /> : null}
      <BusinessContact tenant={props.contact} />
    </section>
  );
}

function Unavailable({ id, label, reason }: { id: string; label: string; reason: string | null }) {
  return (
    <div>
      <button
        type="button"
        disabled
        aria-describedby={id}
        className="w-full cursor-not-allowed rounded-lg bg-slate-100 px-4 py-2.5 font-medium text-slate-500"
      >
        {label}
      </button>
      <p id={id} className="mt-1 text-sm text-slate-600">
        {reason}
      </p>
    </div>
  );
}
