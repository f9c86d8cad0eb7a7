import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { type Profile, REMINDER_CHOICES } from "@/lib/accounts";
import { formatDateTime, zoneCity } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { TimeZoneOption } from "@/lib/i18n/time-zones";

/**
 * The customer's details and choices: a plain form (it works without JavaScript), every field
 * sent; an empty language or time zone is the business's or the place's.
 */
export function ProfileForm(props: {
  action: (form: FormData) => Promise<void>;
  profile: Profile;
  timeZones: TimeZoneOption[];
  business: string;
  businessLocale: Locale;
  locale: Locale;
  /** The clock the consent's date is read on, named. */
  timeZone: string;
}) {
  const t = useTranslations("account");
  const { profile } = props;
  const dated = (iso: string) =>
    `${formatDateTime(new Date(iso), props.timeZone, props.locale)} (${zoneCity(props.timeZone)})`;
  const consentAt = profile.marketingConsentAt ? dated(profile.marketingConsentAt) : null;
  return (
    <form action={props.action} className="mt-4 space-y-4">
      <Field id="profile-name" label={t("name")}>
        <Input
          id="profile-name"
          name="name"
          required
          maxLength={120}
          autoComplete="name"
          defaultValue={profile.name}
          className="mt-1 w-full"
        />
      </Field>
      <Field id="profile-phone" label={t("phone")}>
        <Input
          id="profile-phone"
          name="phone"
          type="tel"
          maxLength={40}
          autoComplete="tel"
          defaultValue={profile.phone ?? ""}
          className="mt-1 w-full"
        />
      </Field>
      <Field id="profile-locale" label={t("language")}>
        <select
          id="profile-locale"
          name="locale"
          defaultValue={profile.locale ?? ""}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          <option value="">
            {t("languageBusiness", { language: t(`languages.${props.businessLocale}`) })}
          </option>
          <option value="fr">{t("languages.fr")}</option>
          <option value="en">{t("languages.en")}</option>
        </select>
      </Field>
      <Field id="profile-timeZone" label={t("timeZone")} hint={t("timeZonePlace")}>
        <Input
          id="profile-timeZone"
          name="timeZone"
          list="profile-time-zones"
          maxLength={64}
          defaultValue={profile.timeZone ?? ""}
          aria-describedby="profile-timeZone-hint"
          className="mt-1 w-full"
        />
      </Field>
      <datalist id="profile-time-zones">
        {props.timeZones.map((z) => (
          <option key={z.value} value={z.value} label={z.label} />
        ))}
      </datalist>
      <Field id="profile-reminder" label={t("reminder")}>
        <select
          id="profile-reminder"
          name="reminderMinutes"
          defaultValue={profile.reminderMinutes ?? ""}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
        >
          <option value="">{t("reminderService")}</option>
          {REMINDER_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t("reminderBefore", { hours: minutes / 60 })}
            </option>
          ))}
        </select>
      </Field>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="marketingConsent"
            value="on"
            defaultChecked={profile.marketingConsent}
            className="mt-1"
          />
          <span>{t("marketing", { business: props.business })}</span>
        </label>
        {consentAt ? (
          <p className="mt-1 pl-6 text-xs text-slate-600" data-testid="consent-date">
            {profile.marketingConsent
              ? t("marketingSince", { date: consentAt })
              : t("marketingWithdrawn", { date: consentAt })}
          </p>
        ) : null}
      </div>
      {profile.privacyNoticeAcceptedAt ? (
        <p className="text-xs text-slate-600">
          {t("privacyAccepted", { date: dated(profile.privacyNoticeAcceptedAt) })}
        </p>
      ) : null}
      <button type="submit" className={buttonClass("brand", "md")}>
        {t("save")}
      </button>
    </form>
  );
}
