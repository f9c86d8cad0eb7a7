import { getTranslations } from "next-intl/server";
import { renderSVG } from "uqr";
import { CopyField } from "@/components/ui/copy-field";
import { PrintButton } from "@/components/ui/print-button";

/**
 * The business's booking page, to share: its link with a copy button, and a QR code to print for
 * the counter (while it is open, printing shows the code alone, with the business's name: see
 * globals.css).
 */
export async function BookingLinkCard({ url, business }: { url: string; business: string }) {
  const t = await getTranslations("admin.bookingLink");
  return (
    <section
      aria-labelledby="booking-link-title"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="booking-link-title" className="text-sm font-semibold">
        {t("title")}
      </h2>
      <div>
        <CopyField
          id="booking-link"
          label={t("label")}
          value={url}
          copyLabel={t("copy")}
          copiedLabel={t("copied")}
          testId="booking-link"
        />
      </div>
      <details className="text-sm" data-print-qr="">
        <summary className="cursor-pointer text-brand-700">{t("qr")}</summary>
        <figure className="mt-2 flex flex-col items-center gap-2" data-testid="booking-qr">
          {/* The SVG is generated here from the link alone: markup of ours, not of users. */}
          <div
            className="size-48"
            role="img"
            aria-label={t("qrLabel", { url })}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: uqr's SVG of our own link
            dangerouslySetInnerHTML={{ __html: renderSVG(url, { border: 2 }) }}
          />
          <figcaption className="text-center">
            <span className="block font-semibold">{business}</span>
            <span className="block text-xs text-slate-600">{t("scan")}</span>
          </figcaption>
          <PrintButton label={t("print")} />
        </figure>
      </details>
    </section>
  );
}
