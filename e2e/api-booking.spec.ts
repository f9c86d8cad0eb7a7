import { expect, test } from "./fixtures";
import { apiKeyOf } from "./support";

// The booking API through the real server: proxy.ts, routing, body parsing and the database.
test("a customer books a free slot; the time is then taken until an admin cancels it", async ({
  request,
}) => {
  const admin = { Authorization: `Bearer ${apiKeyOf("demo")}` };
  const { activities } = await (await request.get("/api/appointments/activities/public")).json();
  const haircut = activities.find((a: { name: string }) => a.name === "Coupe homme");
  expect(haircut).toMatchObject({
    durationMinutes: 30,
    price: 24,
    requiredFields: { phone: false },
  });

  const today = new Date().toISOString().slice(0, 10);
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const slotsUrl = `/api/appointments/availability/slots?activityId=${haircut.id}&startDate=${today}&endDate=${inTwoWeeks}`;
  const { slots } = await (await request.get(slotsUrl)).json();
  const free = slots.filter((s: { available: boolean }) => s.available);
  expect(free.length).toBeGreaterThan(20);
  // A slot the browser would offer: a Paris wall-clock time inside the demo's opening hours.
  const time = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    hour: "2-digit",
    minute: "2-digit",
  });
  const local = time.format(new Date(free[0].dateTime));
  expect(local >= "09:00" && local <= "18:30").toBe(true);

  const slot = free[free.length - 1].dateTime;
  const body = {
    activityId: haircut.id,
    dateTime: slot,
    clientInfo: { name: "Léa", email: "lea@example.fr" },
  };
  const booked = await request.post("/api/appointments", { data: body });
  expect(booked.status()).toBe(201);
  const { appointment } = await booked.json();
  expect(appointment).toMatchObject({
    status: "pending",
    dateTime: slot,
    activityName: "Coupe homme",
  });

  const again = await request.post("/api/appointments", { data: body });
  expect(again.status()).toBe(409);
  expect(await again.json()).toEqual({
    error: "Ce créneau n'est plus disponible",
    code: "SLOT_UNAVAILABLE",
  });
  const taken = (await (await request.get(slotsUrl)).json()).slots.find(
    (s: { dateTime: string }) => s.dateTime === slot,
  );
  expect(taken.available).toBe(false);

  const cancelled = await request.patch(`/api/appointments/${appointment.id}/status`, {
    headers: admin,
    data: { status: "cancelled" },
  });
  expect(cancelled.status()).toBe(200);
  const freed = (await (await request.get(slotsUrl)).json()).slots.find(
    (s: { dateTime: string }) => s.dateTime === slot,
  );
  expect(freed.available).toBe(true);

  const calendar = await request.get(
    `/api/appointments/calendar?startDate=${today}&endDate=${inTwoWeeks}`,
    {
      headers: admin,
    },
  );
  const { events } = await calendar.json();
  expect(events.find((e: { id: string }) => e.id === appointment.id)).toMatchObject({
    type: "appointment",
    status: "cancelled",
  });
});

test("unknown API paths and methods answer JSON, never an HTML page", async ({ request }) => {
  const missing = await request.get("/api/appointments/a/b/c");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: "Ressource non trouvée", code: "NOT_FOUND" });
  const badId = await request.get("/api/appointments/not-a-uuid", {
    headers: { Authorization: `Bearer ${apiKeyOf("demo")}` },
  });
  expect(badId.status()).toBe(404);
  expect(badId.headers()["content-type"]).toContain("application/json");
});
