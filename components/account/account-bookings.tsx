import Link from "next/link";
import { StatusBadge } from "@/components/booking/status-badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { AppointmentStatus } from "@/db/schema";

/** A booking as the account lists it: texts made by the page, links to open and book again. */
export interface AccountBooking {
  id: string;
  when: string;
  service: string;
  staff: string;
  place: string | null;
  status: AppointmentStatus;
  statusLabel: string;
  openHref: string;
  bookAgainHref: string | null;
}

/** One list of the account (upcoming or past), or what it says when there is none. */
export function AccountBookings(props: {
  id: string;
  title: string;
  empty: React.ReactNode;
  bookings: AccountBooking[];
  labels: { open: string; bookAgain: string };
}) {
  return (
    <section aria-labelledby={props.id} className="mt-8">
      <h2 id={props.id} className="text-xl font-semibold">
        {props.title}
      </h2>
      {props.bookings.length === 0 ? (
        <EmptyState className="mt-3">{props.empty}</EmptyState>
      ) : (
        <ul className="mt-3 grid gap-3">
          {props.bookings.map((b) => (
            <li
              key={b.id}
              className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:flex sm:items-center sm:justify-between sm:gap-4"
            >
              <div className="min-w-0">
                <p className="font-semibold">{b.when}</p>
                <p className="text-slate-700">
                  {b.service} · {b.staff}
                  {b.place ? ` · ${b.place}` : ""}
                </p>
                <p className="mt-1">
                  <StatusBadge status={b.status} label={b.statusLabel} />
                </p>
              </div>
              <div className="mt-3 flex flex-wrap gap-2 sm:mt-0 sm:shrink-0">
                <Link href={b.openHref} className={buttonClass("secondary", "md")}>
                  {props.labels.open}
                  <span className="sr-only">
                    {" "}
                    – {b.service}, {b.when}
                  </span>
                </Link>
                {b.bookAgainHref ? (
                  <Link href={b.bookAgainHref} className={buttonClass("brand", "md")}>
                    {props.labels.bookAgain}
                    <span className="sr-only"> – {b.service}</span>
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
