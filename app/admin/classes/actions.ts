"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { dashboardAction } from "@/lib/access/action-caller";
import { statusSchema } from "@/lib/appointments/schema";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { cancelClassSession, createClassSessions } from "@/lib/classes/class-sessions";
import { classSessionInputSchema } from "@/lib/classes/schema";
import { readForm, ticked, typed } from "@/lib/http/form-input";
import { hrefWith } from "@/lib/http/page-params";
import { uuidSchema } from "@/lib/validation";

const sessionForm = z.object({
  staffId: typed(),
  resourceId: z.string().optional(),
  date: typed(),
  time: typed(),
  repeatWeeks: z.number().optional(),
  outsideHours: ticked(),
});

/**
 * Schedules sessions of a class from the service page's form (date and time at the teacher's
 * location, a room or any free one of the kind, weeks to repeat): the body of `POST /api/classes`.
 */
export async function scheduleClassAction(activityId: string, form: FormData) {
  const back = `/admin/activities/${activityId}`;
  const result = await dashboardAction("manage", ({ db, tenant, actor }) => {
    const { date, time, ...session } = readForm(form, sessionForm);
    return createClassSessions(
      db,
      tenant,
      classSessionInputSchema.parse({ ...session, activityId, startsAt: `${date}T${time}:00` }),
      actor,
    );
  });
  redirect(
    hrefWith(
      back,
      result.ok
        ? {
            scheduled: String(result.value.sessions.length),
            skipped: result.value.skipped.join(",") || undefined,
          }
        : { error: result.code, field: refusedField(result.details) },
    ),
  );
}

/** The field a refusal names; "hours" for a time outside the hours or on a closed day. */
function refusedField(details: Record<string, unknown> | undefined) {
  const text = (details?.startsAt as { text?: string } | undefined)?.text;
  return text === "classOutsideHours" || text === "classOnClosedDay"
    ? "hours"
    : Object.keys(details ?? {})[0];
}

/** Marks an attendee present (completed) or absent (no_show), or cancels their seat. */
export async function attendeeStatusAction(
  sessionId: string,
  appointmentId: string,
  status: string,
) {
  const result = await dashboardAction("appointments", ({ db, tenant, actor }) =>
    changeAppointmentStatus(
      db,
      tenant,
      uuidSchema.parse(appointmentId),
      statusSchema.parse(status),
      actor,
      new Date(),
    ),
  );
  redirect(
    hrefWith(`/admin/classes/${sessionId}`, result.ok ? { done: status } : { error: result.code }),
  );
}

export async function cancelSessionAction(sessionId: string, activityId: string) {
  const result = await dashboardAction("manage", ({ db, tenant, actor }) =>
    cancelClassSession(db, tenant, uuidSchema.parse(sessionId), actor, new Date()),
  );
  redirect(
    result.ok
      ? hrefWith(`/admin/activities/${activityId}`, { cancelled: "1" })
      : hrefWith(`/admin/classes/${sessionId}`, { error: result.code }),
  );
}
