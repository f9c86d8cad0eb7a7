"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import type { CalendarLabels } from "./admin-calendar";
import { AppointmentPanel } from "./appointment-panel";

/** An appointment opened from the table: the calendar's details panel, the table kept in sync. */
export function OpenedAppointment({
  id,
  labels,
  canChange,
  closeHref,
}: {
  id: string;
  labels: CalendarLabels;
  canChange: boolean;
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
        canChange={canChange}
        onChanged={(text) => {
          setDone(text);
          router.refresh();
        }}
        onClose={() => router.push(closeHref, { scroll: false })}
      />
    </div>
  );
}
