import { getTranslations } from "next-intl/server";
import { RefreshWhile } from "@/components/ui/refresh-while";
import type { PaymentSummary } from "@/lib/appointments/payment-summary";
import { customerErrorText } from "@/lib/errors/customer-error-text";

/** What just happened, above the booking: booked, paid, cancelled, moved, or why not. */
export async function ManageBanners(props: {
  query: { checkout?: string; booked: boolean; cancelled: boolean; moved: boolean; error?: string };
  status: string;
  payment: PaymentSummary | null;
  awaitingPayment: boolean;
  holding: boolean;
  /** The hold's end, in words. */
  payUntil: string;
}) {
  const t = await getTranslations("manage");
  const { query, payment } = props;
  return (
    <div aria-live="polite">
      {query.checkout === "done" && props.awaitingPayment ? (
        <Banner tone="info">
          {t("paymentConfirming")}
          <RefreshWhile />
        </Banner>
      ) : null}
      {query.checkout === "done" && payment?.paidAt && props.holding ? (
        <Banner tone="success" title={t("paymentReceivedTitle")}>
          {t("paymentReceived")}
        </Banner>
      ) : null}
      {query.checkout === "cancelled" && props.awaitingPayment ? (
        <Banner tone="info">{t("paymentCancelled", { until: props.payUntil })}</Banner>
      ) : null}
      {query.booked ? (
        <Banner tone="success" title={t("bookedTitle")}>
          {t("bookedText")} {props.status === "pending" ? t("pendingNote") : null}
        </Banner>
      ) : null}
      {query.cancelled ? <Banner tone="success">{t("cancelledBanner")}</Banner> : null}
      {query.moved ? <Banner tone="success">{t("movedBanner")}</Banner> : null}
      {query.error ? <Banner tone="error">{await customerErrorText(query.error)}</Banner> : null}
    </div>
  );
}

const bannerTones = {
  success: "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-200",
  info: "bg-sky-50 text-sky-900 ring-1 ring-sky-200",
  error: "bg-red-50 text-red-900 ring-1 ring-red-200",
};

function Banner({
  tone,
  title,
  children,
}: {
  tone: keyof typeof bannerTones;
  title?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded-xl px-4 py-3 ${bannerTones[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <p className="text-sm">{children}</p>
    </div>
  );
}
