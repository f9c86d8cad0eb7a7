import Link from "next/link";
import { useTranslations } from "next-intl";
import { SkipLink } from "@/components/ui/skip-link";
import type { Tenant } from "@/db/schema";
import { BusinessContact } from "./business-contact";
import { EmbedFrameScript } from "./embed-frame-script";

// Synchronous and hook-based: the booking page renders these through the Pages Router too.

/** The frame of every page a business's customers see: its name on top, the staff link below. */
export function PublicShell({
  tenant,
  nonce,
  children,
}: {
  tenant: Pick<Tenant, "name">;
  /** This response's script nonce: the widget's sizing script runs under it. */
  nonce: string | undefined;
  children: React.ReactNode;
}) {
  const t = useTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-4">
          <Link href="/" className="text-lg font-semibold tracking-tight hover:text-brand-700">
            {tenant.name}
          </Link>
          <Link
            href="/account"
            className="shrink-0 text-sm font-medium text-brand-700 hover:underline"
            data-embed-hide
          >
            {t("account.myBookings")}
          </Link>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 [overflow-wrap:anywhere] sm:py-10"
      >
        {children}
      </main>
      {/* In the widget, the business's own site is the frame: no staff link inside. */}
      <footer className="border-t border-slate-200 bg-white" data-embed-hide>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-4 text-sm text-slate-600">
          <span>{t("public.poweredBy")}</span>
          <Link href="/login" className="hover:text-slate-900 hover:underline">
            {t("home.staffLink")}
          </Link>
        </div>
      </footer>
      <EmbedFrameScript nonce={nonce} />
    </div>
  );
}

/** Shown instead of any public page while the business has online booking switched off. */
export function BookingUnavailable({
  tenant,
}: {
  tenant: Pick<Tenant, "name" | "address" | "contactEmail" | "contactPhone">;
}) {
  const t = useTranslations("public");
  return (
    <section className="mx-auto max-w-xl rounded-2xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold">{t("unavailableTitle")}</h1>
      <p className="mt-3 text-slate-600">{t("unavailableText", { business: tenant.name })}</p>
      <BusinessContact tenant={tenant} className="mt-4" />
    </section>
  );
}

/** Where the customer is in the booking: 1 time, 2 details, 3 done. */
export function BookingSteps({ current }: { current: 1 | 2 | 3 }) {
  const t = useTranslations("public.steps");
  const steps = [t("time"), t("details"), t("done")];
  return (
    <ol aria-label={t("label")} className="mb-6 flex flex-wrap gap-2 text-xs sm:text-sm">
      {steps.map((label, i) => {
        const step = i + 1;
        const state = step < current ? "done" : step === current ? "current" : "next";
        return (
          <li
            key={label}
            aria-current={state === "current" ? "step" : undefined}
            className={`flex items-center gap-1.5 whitespace-nowrap rounded-full px-3 py-1 ${
              state === "current"
                ? "bg-brand-600 text-white"
                : state === "done"
                  ? "bg-brand-100 text-brand-700"
                  : "bg-slate-100 text-slate-600"
            }`}
          >
            <span aria-hidden="true" className="font-semibold">
              {step}
            </span>
            {label}
          </li>
        );
      })}
    </ol>
  );
}
