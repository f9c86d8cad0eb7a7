"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Select } from "@/components/ui/input";
import type { AppointmentDetails } from "@/lib/calendar/appointment-details";
import type { CalendarLabels, CalendarStaff } from "./calendar-text";

// The appointment panel's parts: what it shows, and the forms of what may be done to it.

interface PartProps {
  details: AppointmentDetails & { canRefund: boolean };
  labels: CalendarLabels;
}

/** How it is paid, and the owner's refund (asked for once more before it is made). */
export function PaymentPart({
  details,
  labels,
  busy,
  onRefund,
}: PartProps & { busy: boolean; onRefund: () => void }) {
  const [confirmRefund, setConfirmRefund] = useState(false);
  if (!details.payment) return null;
  return (
    <div className="mt-2 text-sm">
      <p>
        <span className="font-medium">{labels.paymentLabel}</span>{" "}
        <span data-testid="appointment-payment">{details.payment.text}</span>
      </p>
      {details.payment.refundOnTheWay && (
        <p className="text-slate-600">{details.payment.refundOnTheWay}</p>
      )}
      {details.canRefund && details.payment.refundable && !confirmRefund && (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => setConfirmRefund(true)}
          className="mt-2"
        >
          {labels.refund?.replace("{amount}", details.payment.refundable)}
        </Button>
      )}
      {confirmRefund && details.payment.refundable && (
        <ConfirmDialog
          id="confirm-refund"
          tone="danger"
          className="mt-2"
          question={labels.refundQuestion?.replace("{amount}", details.payment.refundable) ?? ""}
          confirmLabel={labels.refundConfirm ?? ""}
          onConfirm={() => {
            setConfirmRefund(false);
            onRefund();
          }}
          cancel={{ label: labels.keep ?? "", onCancel: () => setConfirmRefund(false) }}
          busy={busy}
        />
      )}
    </div>
  );
}

/** Who booked, with whom, where, and how to reach them. */
export function ClientPart({ details, labels }: PartProps) {
  return (
    <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-500">{labels.client}</dt>
      <dd>
        {details.client.name}
        {details.client.customerId && (
          <>
            {" · "}
            <Link className="underline" href={`/admin/customers/${details.client.customerId}`}>
              {labels.customerFile}
            </Link>
          </>
        )}
      </dd>
      <dt className="text-slate-500">{labels.with}</dt>
      <dd data-testid="appointment-staff">{details.staff.name}</dd>
      {details.place.resource && (
        <>
          <dt className="text-slate-500">{labels.resource}</dt>
          <dd>{details.place.resource}</dd>
        </>
      )}
      {details.place.meetingUrl && (
        <>
          <dt className="text-slate-500">{labels.video}</dt>
          <dd className="break-all">
            <a
              className="underline"
              href={details.place.meetingUrl}
              target="_blank"
              rel="noreferrer"
            >
              {details.place.meetingUrl}
            </a>
          </dd>
        </>
      )}
      {details.client.email && (
        <>
          <dt className="text-slate-500">{labels.email}</dt>
          <dd className="break-all">
            <a className="underline" href={`mailto:${details.client.email}`}>
              {details.client.email}
            </a>
          </dd>
        </>
      )}
      {details.client.phone && (
        <>
          <dt className="text-slate-500">{labels.phone}</dt>
          <dd>
            <a className="underline" href={`tel:${details.client.phone}`}>
              {details.client.phone}
            </a>
          </dd>
        </>
      )}
      {details.client.address && (
        <>
          <dt className="text-slate-500">{labels.address}</dt>
          <dd>{details.client.address}</dd>
        </>
      )}
      {details.client.customField && (
        <>
          <dt className="text-slate-500">{details.client.customField.label}</dt>
          <dd>{details.client.customField.value}</dd>
        </>
      )}
    </dl>
  );
}

const statusAction: Record<string, string> = {
  confirmed: "confirm",
  cancelled: "cancel",
  completed: "markCompleted",
  no_show: "markNoShow",
};

/** The statuses it may go to; a cancellation is asked for once more. */
export function StatusPart({
  details,
  labels,
  busy,
  onStatus,
}: PartProps & { busy: boolean; onStatus: (status: string, reason?: string) => void }) {
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [reason, setReason] = useState("");
  return (
    <>
      {details.nextStatuses.length > 0 && (
        <div className="mt-4 flex flex-wrap gap-2">
          {details.nextStatuses.map((status) =>
            status === "cancelled" ? (
              <button
                key={status}
                type="button"
                disabled={busy}
                onClick={() => setConfirmCancel(true)}
                className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50"
              >
                {labels.cancel}
              </button>
            ) : (
              <Button key={status} disabled={busy} onClick={() => onStatus(status)}>
                {labels[statusAction[status] ?? status]}
              </Button>
            ),
          )}
        </div>
      )}
      {confirmCancel && (
        <label className="mt-3 flex flex-col text-sm">
          {labels.cancelReason}
          <Input
            compact
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            className="mt-1"
          />
        </label>
      )}
      {confirmCancel && (
        <ConfirmDialog
          id="confirm-cancel"
          tone="danger"
          className="mt-2"
          question={labels.cancelQuestion ?? ""}
          confirmLabel={labels.cancelConfirm ?? ""}
          onConfirm={() => {
            setConfirmCancel(false);
            onStatus("cancelled", reason);
          }}
          cancel={{ label: labels.keep ?? "", onCancel: () => setConfirmCancel(false) }}
          busy={busy}
        />
      )}
    </>
  );
}

/**
 * Moving it: a new start (from where it is now) and, with several people, whom it is with. A
 * start outside the hours is asked for once more.
 */
export function MovePart({
  details,
  labels,
  staff,
  busy,
  onMove,
}: PartProps & {
  staff: CalendarStaff[];
  busy: boolean;
  /** Resolves to true when the start is outside the hours and needs the owner's word. */
  onMove: (at: string, staffId: string, anyTime: boolean) => Promise<boolean>;
}) {
  const [moveTo, setMoveTo] = useState(details.wallClockStart);
  const [moveStaff, setMoveStaff] = useState(details.staff.id);
  // Who could take it over: those who perform the service at its place (and who has it now).
  const able = staff.filter(
    (s) =>
      s.id === details.staff.id ||
      (s.activityIds.includes(details.activityId) && s.locationIds.includes(details.locationId)),
  );
  const [outsideHours, setOutsideHours] = useState(false);
  const move = async (anyTime: boolean) =>
    setOutsideHours(await onMove(moveTo, moveStaff, anyTime));
  return (
    <form
      className="mt-4 border-t border-slate-200 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        move(false);
      }}
    >
      <label htmlFor="move-to" className="block text-sm font-medium">
        {labels.moveTo}
      </label>
      <div className="mt-1 flex gap-2">
        <Input
          compact
          id="move-to"
          type="datetime-local"
          required
          step={300}
          value={moveTo}
          onChange={(e) => {
            setMoveTo(e.target.value);
            setOutsideHours(false);
          }}
          className="min-w-0 flex-1 text-sm"
        />
        <Button type="submit" variant="secondary" size="sm" disabled={busy}>
          {labels.move}
        </Button>
      </div>
      {able.length > 1 && (
        <>
          <label htmlFor="move-staff" className="mt-2 block text-sm font-medium">
            {labels.with}
          </label>
          <Select
            compact
            id="move-staff"
            value={moveStaff}
            onChange={(e) => {
              setMoveStaff(e.target.value);
              setOutsideHours(false);
            }}
            className="mt-1 w-full text-sm"
          >
            {able.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </>
      )}
      {outsideHours && (
        <ConfirmDialog
          id="confirm-outside"
          tone="warning"
          className="mt-2"
          question={labels.outsideHoursMove ?? ""}
          confirmLabel={labels.moveAnyway ?? ""}
          onConfirm={() => move(true)}
          busy={busy}
        />
      )}
    </form>
  );
}

/** The messages it owed, and what happened to it. */
export function HistoryPart({ details, labels }: PartProps) {
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">{labels.messagesTitle}</h3>
      {!details.client.email && <p className="mt-1 text-xs text-slate-600">{labels.noEmail}</p>}
      {details.client.email && details.messages.length === 0 && (
        <p className="mt-1 text-xs text-slate-600">{labels.noMessages}</p>
      )}
      <ul className="mt-1 space-y-1 text-xs text-slate-600" data-testid="appointment-messages">
        {details.messages.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages are listed in the order owed
          <li key={i}>
            {labels[`message.${m.recipient}.${m.kind}`]} {labels[`messageTo.${m.recipient}`]} ·{" "}
            {(labels[`messageStatus.${m.status}`] ?? m.status).replace("{when}", m.at)}
          </li>
        ))}
      </ul>

      <h3 className="mt-4 text-sm font-semibold">{labels.historyTitle}</h3>
      <ol className="mt-1 space-y-1 text-xs text-slate-600">
        {details.history.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only
          <li key={i}>
            {h.at} · {labels[`history.${h.action.replaceAll(".", "_")}`] ?? h.action}
            {h.status ? ` → ${labels[`status.${h.status}`]}` : ""} ·{" "}
            {h.by === "customer" ? labels.byCustomer : h.by}
          </li>
        ))}
      </ol>
    </>
  );
}
