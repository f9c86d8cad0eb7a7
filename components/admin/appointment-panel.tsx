"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/notice";
import type { AppointmentDetails } from "@/lib/calendar/appointment-details";
import type { CalendarActions } from "./calendar-actions";
import { type CalendarLabels, type CalendarStaff, outcomeText } from "./calendar-text";
import { SidePanel } from "./side-panel";

interface Props {
  id: string;
  labels: CalendarLabels;
  staff: CalendarStaff[];
  canChange: boolean;
  actions: CalendarActions;
  onChanged: (text: string) => void;
  onClose: () => void;
}

const statusAction: Record<string, string> = {
  confirmed: "confirm",
  cancelled: "cancel",
  completed: "markCompleted",
  no_show: "markNoShow",
};

/** The details of one appointment, with what may be done to it now. */
export function AppointmentPanel({
  id,
  labels,
  staff,
  canChange,
  actions,
  onChanged,
  onClose,
}: Props) {
  const [details, setDetails] = useState<(AppointmentDetails & { canRefund: boolean }) | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [confirmRefund, setConfirmRefund] = useState(false);
  const [moveTo, setMoveTo] = useState("");
  const [moveStaff, setMoveStaff] = useState("");
  const [outsideHours, setOutsideHours] = useState(false);
  const [busy, startTransition] = useTransition();

  const load = () =>
    actions.load(id).then((result) => {
      if (!result.ok) return setError(outcomeText(result, labels));
      setDetails(result.value);
      // A move starts from where the appointment is now, with whom it is now.
      setMoveTo(result.value.wallClockStart);
      setMoveStaff(result.value.staff.id);
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per appointment (the key)
  useEffect(() => {
    load();
  }, []);

  const run = (work: () => Promise<string | null>) =>
    startTransition(async () => {
      const failure = await work();
      setError(failure);
      if (!failure) await load();
    });

  function setStatus(status: string) {
    run(async () => {
      const failure = outcomeText(await actions.setStatus(id, status), labels);
      setConfirmCancel(false);
      if (!failure) onChanged(labels[`done.${status}`] ?? "");
      return failure;
    });
  }

  function refund() {
    run(async () => {
      const failure = outcomeText(await actions.refund(id), labels);
      setConfirmRefund(false);
      if (!failure) onChanged(labels.refunded ?? "");
      return failure;
    });
  }

  function move(anyTime: boolean) {
    run(async () => {
      const result = await actions.move(id, moveTo, anyTime, moveStaff || null);
      if (result.ok && result.value === "outsideHours") {
        setOutsideHours(true);
        return null;
      }
      setOutsideHours(false);
      const failure = outcomeText(result, labels);
      if (!failure) onChanged(labels.moved ?? "");
      return failure;
    });
  }

  return (
    <SidePanel
      titleId="appointment-title"
      title={(details ? details.activityName : labels.loading) ?? ""}
      closeLabel={labels.close ?? ""}
      onClose={onClose}
    >
      {error && (
        <Notice kind="error" className="mt-2">
          {error}
        </Notice>
      )}
      {details && (
        <>
          <p className="mt-1 text-sm text-slate-700">{details.when}</p>
          <p className="mt-1 text-sm">
            <span className="font-medium">{labels.statusLabel}</span>{" "}
            <span data-testid="appointment-status">{labels[`status.${details.status}`]}</span>
            {" · "}
            {details.price}
          </p>
          {details.payment && (
            <div className="mt-2 text-sm">
              <p>
                <span className="font-medium">{labels.paymentLabel}</span>{" "}
                <span data-testid="appointment-payment">{details.payment.text}</span>
              </p>
              {details.payment.refundOnTheWay && (
                <p className="text-slate-600">{details.payment.refundOnTheWay}</p>
              )}
              {details.canRefund && details.payment.refundable && !confirmRefund && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => setConfirmRefund(true)}
                  className="mt-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
                >
                  {labels.refund?.replace("{amount}", details.payment.refundable)}
                </button>
              )}
              {confirmRefund && details.payment.refundable && (
                <ConfirmDialog
                  id="confirm-refund"
                  tone="danger"
                  className="mt-2"
                  question={
                    labels.refundQuestion?.replace("{amount}", details.payment.refundable) ?? ""
                  }
                  confirmLabel={labels.refundConfirm ?? ""}
                  onConfirm={refund}
                  cancel={{ label: labels.keep ?? "", onCancel: () => setConfirmRefund(false) }}
                  busy={busy}
                />
              )}
            </div>
          )}
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">{labels.client}</dt>
            <dd>
              {details.client.name}
              {details.client.customerId && (
                <>
                  {" · "}
                  <Link
                    className="underline"
                    href={`/admin/customers/${details.client.customerId}`}
                  >
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

          {canChange && details.nextStatuses.length > 0 && (
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
                  <button
                    key={status}
                    type="button"
                    disabled={busy}
                    onClick={() => setStatus(status)}
                    className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
                  >
                    {labels[statusAction[status] ?? status]}
                  </button>
                ),
              )}
            </div>
          )}
          {confirmCancel && (
            <ConfirmDialog
              id="confirm-cancel"
              tone="danger"
              className="mt-3"
              question={labels.cancelQuestion ?? ""}
              confirmLabel={labels.cancelConfirm ?? ""}
              onConfirm={() => setStatus("cancelled")}
              cancel={{ label: labels.keep ?? "", onCancel: () => setConfirmCancel(false) }}
              busy={busy}
            />
          )}

          {canChange && details.canMove && (
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
                <input
                  id="move-to"
                  type="datetime-local"
                  required
                  step={300}
                  value={moveTo}
                  onChange={(e) => {
                    setMoveTo(e.target.value);
                    setOutsideHours(false);
                  }}
                  className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
                />
                <button
                  type="submit"
                  disabled={busy}
                  className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50"
                >
                  {labels.move}
                </button>
              </div>
              {staff.length > 1 && (
                <>
                  <label htmlFor="move-staff" className="mt-2 block text-sm font-medium">
                    {labels.with}
                  </label>
                  <select
                    id="move-staff"
                    value={moveStaff}
                    onChange={(e) => {
                      setMoveStaff(e.target.value);
                      setOutsideHours(false);
                    }}
                    className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
                  >
                    {staff.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
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
          )}

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
      )}
    </SidePanel>
  );
}
