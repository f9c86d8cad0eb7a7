import { useTranslations } from "next-intl";
import type { Tenant } from "@/db/schema";

type Contact = Pick<Tenant, "name" | "address" | "contactEmail" | "contactPhone">;

export const hasContact = (tenant: Contact) =>
  Boolean(tenant.contactPhone || tenant.contactEmail || tenant.address);

/** How to reach the business: phone and e-mail as links, and its address. */
export function BusinessContact({
  tenant,
  className = "",
}: {
  tenant: Contact;
  className?: string;
}) {
  const t = useTranslations("public.contact");
  if (!hasContact(tenant)) return null;
  return (
    <address className={`text-sm not-italic ${className}`} data-testid="business-contact">
      <p className="font-medium">{t("title", { business: tenant.name })}</p>
      <ul className="mt-1 flex flex-col gap-0.5 text-slate-700">
        {tenant.contactPhone ? (
          <li>
            {t("phone")}{" "}
            <a className="font-medium text-brand-700 underline" href={`tel:${tenant.contactPhone}`}>
              {tenant.contactPhone}
            </a>
          </li>
        ) : null}
        {tenant.contactEmail ? (
          <li className="break-all">
            {t("email")}{" "}
            <a
              className="font-medium text-brand-700 underline"
              href={`mailto:${tenant.contactEmail}`}
            >
              {tenant.contactEmail}
            </a>
          </li>
        ) : null}
        {tenant.address ? <li className="whitespace-pre-line">{tenant.address}</li> : null}
      </ul>
    </address>
  );
}

/** The rules customers agree to: the notices, then the business's own words, if any. */
export function BookingPolicy({
  tenant,
  className = "",
}: {
  tenant: Pick<Tenant, "cancellationNoticeHours" | "rescheduleNoticeHours" | "policyText">;
  className?: string;
}) {
  const t = useTranslations("public.policy");
  return (
    <section aria-labelledby="policy-title" className={`text-sm ${className}`}>
      <h2 id="policy-title" className="font-medium">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700" data-testid="booking-policy">
        {t("notices", {
          cancel: tenant.cancellationNoticeHours,
          move: tenant.rescheduleNoticeHours,
        })}
      </p>
      {tenant.policyText ? (
        <p className="mt-1 whitespace-pre-line break-words text-slate-700">{tenant.policyText}</p>
      ) : null}
    </section>
  );
}
