import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import type { Tenant } from "@/db/schema";
import type { BookingInput, VisitInput } from "@/lib/appointments";
import { type Actor, customerActor } from "@/lib/audit";
import { toInstant } from "@/lib/availability";
import { AppError } from "@/lib/errors/app-error";
import { metrics } from "@/lib/metrics";
import { loadVisitContexts, planVisit } from "@/lib/offer";
import { paymentDue } from "@/lib/payments";
import { assertOpenForBooking } from "@/lib/tenants";
import { insertBooking, oweOnBooking } from "./book-appointment";
import { type BookedAppointment, type BookingOptions, initialStatus } from "./booking-result";
import { consentTimes } from "./consent";
import { missingRequiredFields, requiredProblems } from "./required-fields";
import { withDeadlockRetry } from "./time-locks";

/**
 * Books a visit: its services back to back from its start, each with the person chosen or whoever
 * is free, at one place, all in one transaction, so that all of them are booked or none (a
 * constraint refusing any one rolls back the others). A service paid at booking is booked on its
 * own: one checkout per visit is not built yet.
 */
export async function bookVisit(
  db: Database,
  tenant: Tenant,
  input: VisitInput,
  now: Date,
  actor: Actor = customerActor,
  options: BookingOptions = {},
): Promise<{ id: string; appointments: BookedAppointment[] }> {
  if (actor.type === "customer") assertOpenForBooking(tenant);
  const visit = await loadVisitContexts(db, tenant, input, actor.type === "customer");
  for (const [i, { activity }] of visit.contexts.entries()) {
    const missing = missingRequiredFields(activity, input.clientInfo);
    if (missing) {
      throw new AppError("VALIDATION_ERROR", missing, undefined, requiredProblems(missing));
    }
    if (paymentDue(activity, tenant, actor, options.stripe ?? null, now)) {
      throw new AppError("VALIDATION_ERROR", {
        [`items.${i}.activityId`]: { text: "paidInVisit" },
      });
    }
  }
  const place = visit.contexts[0]?.locations.find((l) => l.id === input.locationId);
  const start = toInstant(input.dateTime, place?.timeZone ?? tenant.timeZone);
  const status = initialStatus(tenant, actor, null, options);
  const consent = consentTimes(tenant, input, actor.type === "customer", now);
  const id = randomUUID();
  const booked = await withDeadlockRetry(async () => {
    const plan = await planVisit(db, tenant, visit, input, start, now);
    if (!plan) throw new AppError("SLOT_UNAVAILABLE");
    return db.transaction(async (tx) => {
      const appointments: BookedAppointment[] = [];
      for (const [i, part] of plan.parts.entries()) {
        const context = visit.contexts[i];
        const staff = context?.staff.find(
          (s) => s.id === part.staffId && s.locationId === plan.location.id,
        );
        const delivery = plan.delivery[i];
        if (!context || !staff || !delivery) throw new Error("a visit's plan lost a service");
        const item: BookingInput = {
          ...input,
          activityId: context.activity.id,
          staffId: staff.id,
          mode: delivery,
        };
        const resource = context.resources.find((r) => r.id === part.resourceId) ?? null;
        appointments.push(
          await insertBooking(
            tx,
            tenant,
            context,
            { staff, delivery, resources: null },
            resource,
            item,
            part.start,
            status,
            actor,
            {
              owe: oweOnBooking(context, item, part.start, status, now, actor, options),
              due: null,
              now,
              consent,
              visitId: id,
            },
          ),
        );
      }
      return appointments;
    });
  });
  metrics().bookings.inc({ outcome: "created" }, booked.length);
  return { id, appointments: booked };
}
