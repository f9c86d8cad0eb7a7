import { describe, expect, it } from "vitest";
import { customerPolicy } from "@/lib/appointments/customer-policy";
import { bookingSchema } from "@/lib/appointments/schema";
import { bookingFormFields, fieldProblems, toBookingBody } from "@/lib/booking/booking-form";
import { problemText, zodProblems } from "@/lib/errors/field-problems";
import { formText } from "@/lib/http/form-input";
import { displayZone } from "@/lib/http/page-params";
import fr from "@/lib/i18n/messages/fr.json";
import { formData } from "../helpers/form-data";

const HOUR = 3_600_000;
const tenant = { cancellationNoticeHours: 24, rescheduleNoticeHours: 2 };
const startsAt = new Date("2026-12-01T10:00:00Z");

describe("customerPolicy", () => {
  it("allows cancelling until 24 h and moving until 2 h before the start, boundaries included", () => {
    const atCancelDeadline = customerPolicy(
      { status: "pending", startsAt },
      tenant,
      new Date(startsAt.getTime() - 24 * HOUR),
    );
    expect(atCancelDeadline.cancel.allowed).toBe(true);
    expect(atCancelDeadline.cancel.deadline.toISOString()).toBe("2026-11-30T10:00:00.000Z");

    const justAfter = customerPolicy(
      { status: "confirmed", startsAt },
      tenant,
      new Date(startsAt.getTime() - 24 * HOUR + 1),
    );
    expect(justAfter.cancel).toMatchObject({ allowed: false, reason: "too_late" });
    expect(justAfter.reschedule.allowed).toBe(true);

    const late = customerPolicy(
      { status: "confirmed", startsAt },
      tenant,
      new Date(startsAt.getTime() - HOUR),
    );
    expect(late.reschedule).toMatchObject({ allowed: false, reason: "too_late" });
  });

  it("follows the business's own notice hours", () => {
    const policy = customerPolicy(
      { status: "pending", startsAt },
      { cancellationNoticeHours: 0, rescheduleNoticeHours: 48 },
      new Date(startsAt.getTime() - 30 * HOUR),
    );
    expect(policy.cancel.allowed).toBe(true);
    expect(policy.reschedule.allowed).toBe(false);
  });

  it("allows nothing on bookings that no longer hold their time", () => {
    for (const status of ["cancelled", "completed", "no_show"] as const) {
      const policy = customerPolicy({ status, startsAt }, tenant, new Date("2026-01-01"));
      expect(policy.cancel).toMatchObject({ allowed: false, reason: "inactive" });
      expect(policy.reschedule).toMatchObject({ allowed: false, reason: "inactive" });
    }
  });
});

describe("the booking form", () => {
  const form = (fields: Record<string, string>) => formText(formData(fields), bookingFormFields);
  const activityId = "5b0a4f4e-7c1e-4a53-9d43-3a6f1f0f7d11";

  it("validates with the API's schema and names each field's problem", () => {
    const values = form({
      at: "2026-12-01T10:00:00.000Z",
      name: " ",
      email: "nope",
      phone: "abc",
      address: "x".repeat(501),
    });
    const parsed = bookingSchema.safeParse(
      toBookingBody(activityId, { staffId: null, locationId: null }, values),
    );
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const problems = fieldProblems(zodProblems(parsed.error), values);
    expect(problems).toEqual({
      name: { kind: "required" },
      email: { kind: "email" },
      phone: { kind: "phone" },
      address: { kind: "tooLong", limit: 500 },
    });
    // The limit is said, in the visitor's language.
    expect(problemText(problems.address ?? { kind: "invalid" }, fr.problems)).toBe(
      "500 caractères au plus\u00a0: veuillez raccourcir.",
    );
  });

  it("turns a complete form into the API's booking input, empty optional fields as null", () => {
    const values = form({ at: "2026-12-01T10:00:00.000Z", name: "Ann", email: "ANN@x.io" });
    const input = bookingSchema.parse(
      toBookingBody(activityId, { staffId: null, locationId: null }, values),
    );
    expect(input.clientInfo).toEqual({
      name: "Ann",
      email: "ann@x.io",
      phone: null,
      address: null,
      customFieldValue: null,
    });
  });

  it("asks for a time when none was picked", () => {
    const values = form({ name: "Ann", email: "ann@x.io" });
    const parsed = bookingSchema.safeParse(
      toBookingBody(activityId, { staffId: null, locationId: null }, values),
    );
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(fieldProblems(zodProblems(parsed.error), values)).toEqual({
        at: { kind: "required" },
      });
  });
});

describe("displayZone", () => {
  it("shows the visitor's zone only when it is a real, different zone", () => {
    expect(displayZone("Europe/Paris", "America/New_York")).toEqual({
      zone: "America/New_York",
      tz: "America/New_York",
    });
    expect(displayZone("Europe/Paris", "Mars/Olympus")).toEqual({
      zone: "Europe/Paris",
      tz: undefined,
    });
    expect(displayZone("Europe/Paris", "Europe/Paris")).toEqual({
      zone: "Europe/Paris",
      tz: undefined,
    });
    expect(displayZone("Europe/Paris", undefined)).toEqual({ zone: "Europe/Paris", tz: undefined });
  });
});
