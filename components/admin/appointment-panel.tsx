"use client";

import { useEffect, useState, useTransition } from "react";
import { Notice } from "@/components/ui/notice";
import type { AppointmentDetails } from "@/lib/calendar/appointment-details";
import {
  ClientPart,
  HistoryPart,
  MovePart,
  PaymentPart,
  StatusPart,
} from "./appointment-panel-parts";
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
  const [busy, startTransition] = useTransition();

  const load = () =>
    actions.load(id).then((result) => {
      if (!result.ok) return setError(outcomeText(result, labels));
      setDetails(result.value);
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per appointment (the key)
  useEffect(() => {
    load();
  }, []);

  /** Runs a change: a failure's text, null when done (the details are read again), or false
   * when nothing changed (a question asked first), which leaves the panel as it is. */
  const run = (work: () => Promise<string | null | false>) =>
    startTransition(async () => {
      const failure = await work();
      if (failure === false) return;
      setError(failure);
      if (!failure) await load();
    });

  function setStatus(status: string, reason?: string) {
    run(async () => {
      const failure = outcomeText(await actions.setStatus(id, status, reason), labels);
      if (!failure) onChanged(labels[`done.${status}`] ?? "");
      return failure;
    });
  }

  function refund() {
    run(async () => {
      const failure = outcomeText(await actions.refund(id), labels);
      if (!failure) onChanged(labels.refunded ?? "");
      return failure;
    });
  }

  /** Resolves to true when the new start is outside the hours (nothing moved yet). */
  const move = (at: string, staffId: string, anyTime: boolean) =>
    new Promise<boolean>((resolve) =>
      run(async () => {
        const result = await actions.move(id, at, anyTime, staffId || null);
        const outside = result.ok && result.value === "outsideHours";
        resolve(outside);
        // Nothing moved: the choices shown (the time, the person) stay as they are.
        if (outside) return false;
        const failure = outcomeText(result, labels);
        if (!failure) onChanged(labels.moved ?? "");
        return failure;
      }),
    );

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
          {details.overlapping.length > 0 && (
            <Notice kind="error" className="mt-2">
              {labels.overlapping}{" "}
              {details.overlapping.map((o) => `${o.activityName}, ${o.when}`).join(" · ")}
            </Notice>
          )}
          <p className="mt-1 text-sm">
            <span className="font-medium">{labels.statusLabel}</span>{" "}
            <span data-testid="appointment-status">{labels[`status.${details.status}`]}</span>
            {" · "}
            {details.price}
          </p>
          <PaymentPart details={details} labels={labels} busy={busy} onRefund={refund} />
          <ClientPart details={details} labels={labels} />

          {canChange && (
            <StatusPart details={details} labels={labels} busy={busy} onStatus={setStatus} />
          )}

          {canChange && details.canMove && (
            <MovePart
              key={`${details.wallClockStart}-${details.staff.id}`}
              details={details}
              labels={labels}
              staff={staff}
              busy={busy}
              onMove={move}
            />
          )}

          <HistoryPart details={details} labels={labels} />
        </>
      )}
    </SidePanel>
  );
}
