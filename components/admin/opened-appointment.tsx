"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { AppointmentPanel } from "./appointment-panel";
import type { CalendarActions } from "./calendar-actions";
import type { CalendarLabels, CalendarStaff } from "./calendar-text";

/** An appointment opened from the table: the calendar's details panel, the table kept in sync. */
export function OpenedAppointment({
  id,
  labels,
  staff,
  canChange,
  actions,
  closeHref,
}: {
  id: string;
  labels: CalendarLabels;
  staff: CalendarStaff[];
  canChange: boolean;
  actions: CalendarActions;
  closeHref: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      {done && <Notice kind="ok">{done}</Notice>}
      <AppointmentPanel
        key={id}
        id={id}
        labels={labels}
        staff={staff}
        canChange={canChange}
        actions={actions}
        onChanged={(text) => {
          setDone(text);
          router.refresh();
        }}
        onClose={() => router.push(closeHref, { scroll: false })}
      />
    </div>
  );
}
