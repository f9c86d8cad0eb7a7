import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessBookingSchema } from "@/lib/appointments/schema";
import { customerActor } from "@/lib/audit/record-audit";
import { bookAppointment } from "@/lib/booking/book-appointment";
import { parseEnv } from "@/lib/env";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { messagesWorker } from "@/lib/messages/worker";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "./helpers/api";
import { useAppDatabase } from "./helpers/routes";
import { startInbox } from "./helpers/smtp-inbox";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

describe.each(engines)("the job queue on %s", (engine) => {
  let handle: TestDatabase;
  let inbox: Awaited<ReturnType<typeof startInbox>>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    inbox = await startInbox();
    const config = parseEnv({
      NODE_ENV: "test",
      SMTP_URL: inbox.url,
      DATABASE_URL: handle.url,
      NEXTAUTH_SECRET: "x".repeat(32),
    });
    await startJobs(handle, config, [messagesWorker(handle, config)]);
  });
  afterAll(async () => {
    await stopJobs();
    await inbox.close();
    await handle.close();
  });

  it("sends a booking's messages as soon as it commits: the database wakes the worker", async () => {
    const { api, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody())).json.activity;
    const arrived = inbox.next(2);
    await bookAppointment(
      handle.db,
      biz.tenant,
      businessBookingSchema.parse({
        activityId: activity.id,
        dateTime: parisAt(dayFromToday(3), "10:00"),
        clientInfo: client({ email: "queued@example.com" }),
      }),
      new Date(),
      customerActor,
    );
    const mails = await arrived;
    expect(mails.map((m) => m.subject).sort()).toEqual([
      expect.stringMatching(/^Demande reçue/),
      expect.stringMatching(/^Nouvelle réservation/),
    ]);
  });
});
