import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getMessages, getTranslations } from "next-intl/server";
import type { Tenant } from "@/db/schema";
import { currentCustomerSession } from "@/lib/access/current-customer";
import { getProfile } from "@/lib/accounts";
import type { BookingFormState } from "@/lib/booking/booking-form";
import { emptyBookingForm } from "@/lib/booking/booking-form";
import { getDb } from "@/lib/db";
import { BookingForm, type BookingFormLabels } from "./booking-form";
import { BookingPolicy } from "./business-contact";

/**
 * The details step of a booking (one service or a visit): what is booked and when (`children`),
 * the way back to the times, the policy, and the customer's form, which carries a fresh
 * single-use token each time it is rendered.
 */
export async function DetailsLayout(props: {
  tenant: Tenant;
  changeTimeHref: string;
  action: (state: BookingFormState, form: FormData) => Promise<BookingFormState>;
  start: number;
  fields: { phone: boolean; address: boolean; customFieldLabel: string | null };
  payNotice: string | null;
  children: React.ReactNode;
}) {
  const { tenant } = props;
  const [t, ta, messages, session] = await Promise.all([
    getTranslations("details"),
    getTranslations("account"),
    getMessages(),
    currentCustomerSession(),
  ]);
  // A signed-in customer finds their details filled in; others may sign in to have them.
  const profile = session ? await getProfile(await getDb(), tenant, session.customerId) : null;
  const initial = emptyBookingForm(new Date(props.start).toISOString(), randomUUID());
  if (profile) {
    Object.assign(initial.values, {
      name: profile.name,
      email: profile.email,
      phone: profile.phone ?? "",
    });
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
      <section
        aria-labelledby="summary"
        className="h-fit rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="summary" className="mb-3 text-lg font-semibold">
          {t("summary")}
        </h2>
        {props.children}
        <Link
          href={props.changeTimeHref}
          className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline"
        >
          {t("changeTime")}
        </Link>
        <BookingPolicy tenant={tenant} className="mt-5 border-t border-slate-200 pt-4" />
      </section>
      <section
        aria-labelledby="details"
        className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="details" className="mb-4 text-lg font-semibold">
          {t("title")}
        </h2>
        {profile ? null : (
          <Link
            href="/account"
            className="-mt-2 mb-4 inline-block text-sm font-medium text-brand-700 hover:underline"
          >
            {ta("accountLink")}
          </Link>
        )}
        <BookingForm
          action={props.action}
          initialState={initial}
          labels={
            {
              ...messages.details,
              problems: messages.problems,
              customerErrors: messages.customerErrors,
            } as unknown as BookingFormLabels
          }
          fields={props.fields}
          consent={{
            privacyNoticeUrl: tenant.privacyNoticeUrl,
            marketing: tenant.asksMarketingConsent,
          }}
          payNotice={props.payNotice}
        />
      </section>
    </div>
  );
}
