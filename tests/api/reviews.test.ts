import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publicReviews from "@/app/api/public/reviews/route";
import * as hideRoute from "@/app/api/reviews/[id]/hide/route";
import * as replyRoute from "@/app/api/reviews/[id]/reply/route";
import * as businessReviews from "@/app/api/reviews/route";
import {
  auditLog,
  outboundMessages,
  reviewInvitations,
  type Tenant,
  tenants,
  webhookEvents,
} from "@/db/schema";
import { systemActor } from "@/lib/audit/record-audit";
import { changeAppointmentStatus } from "@/lib/booking/change-status";
import { authorName, inviteToReview, submitReview } from "@/lib/reviews";
import { createWebhook } from "@/lib/webhooks/endpoints";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "../helpers/api";
import { call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const HOUR = 3_600_000;

describe.each(engines)("reviews on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  async function business() {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody())).json.activity;
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.id, biz.tenant.id));
    const slug = biz.tenant.slug;
    const admin = { authorization: `Bearer ${biz.apiKey}` };
    /** A booking of `email`, through the public API (its messages carry its private link). */
    const book = async (email: string, name: string, hhmm: string) => {
      const booked = await publicApi.book({
        activityId: activity.id,
        dateTime: parisAt(dayFromToday(2), hhmm),
        clientInfo: client({ email, name }),
      });
      expect(booked.status).toBe(201);
      return booked.json.appointment as { id: string; customerId: string; dateTime: string };
    };
    /** Marks it completed, as the business does once it has taken place. */
    const complete = (a: { id: string; dateTime: string }) =>
      changeAppointmentStatus(
        handle.db,
        tenant as Tenant,
        a.id,
        "completed",
        systemActor,
        new Date(Date.parse(a.dateTime) + 2 * HOUR),
      );
    return {
      tenant: tenant as Tenant,
      slug,
      activity,
      book,
      complete,
      list: (query = "") =>
        call(publicReviews.GET, "GET", { tenant: slug, path: `/api/public/reviews${query}` }),
      listAll: () =>
        call(businessReviews.GET, "GET", { tenant: slug, path: "/api/reviews", headers: admin }),
      reply: (id: string, reply: string) =>
        call(replyRoute.POST, "POST", {
          tenant: slug,
          params: { id },
          headers: admin,
          body: { reply },
        }),
      hide: (id: string, reason: string) =>
        call(hideRoute.POST, "POST", {
          tenant: slug,
          params: { id },
          headers: admin,
          body: { reason },
        }),
    };
  }

  it("takes one review per completed appointment, only from its customer", async () => {
    const b = await business();
    const ines = await b.book("ines@example.test", "Inès Marie Martin", "10:00");
    const bob = await b.book("bob@example.test", "Bob", "12:00");
    const now = new Date(Date.parse(ines.dateTime) + 3 * HOUR);
    const review = (customerId: string, appointmentId: string, rating = 5) =>
      submitReview(
        handle.db,
        b.tenant,
        { customerId, appointmentId },
        { rating, comment: "Très bien" },
        now,
      );
    await expect(review(ines.customerId, ines.id)).rejects.toMatchObject({
      code: "REVIEW_NOT_ALLOWED",
    });
    await b.complete(ines);
    await expect(review(bob.customerId, ines.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const made = await review(ines.customerId, ines.id);
    expect(made).toMatchObject({ rating: 5, authorName: "Inès M." });
    await expect(review(ines.customerId, ines.id, 1)).rejects.toMatchObject({
      code: "ALREADY_REVIEWED",
    });
    expect(authorName("  Zoé  ")).toBe("Zoé");
    expect(authorName("élodie de la tour")).toBe("élodie T.");
  });

  it("invites the customer once by a single-use link on their booking's address", async () => {
    const b = await business();
    const ines = await b.book("ines@example.test", "Inès Martin", "10:00");
    const done = new Date(Date.parse(ines.dateTime) + 2 * HOUR);
    const invitesOf = () =>
      handle.db
        .select({ payload: outboundMessages.payload, recipient: outboundMessages.recipient })
        .from(outboundMessages)
        .where(
          and(
            eq(outboundMessages.appointmentId, ines.id),
            eq(outboundMessages.kind, "review_invite"),
          ),
        );
    // Not before it is completed; then once, however often the worker runs.
    await inviteToReview(handle.db, done);
    expect(await invitesOf()).toHaveLength(0);
    await b.complete(ines);
    await inviteToReview(handle.db, done);
    await inviteToReview(handle.db, done);
    const invites = await invitesOf();
    expect(invites).toHaveLength(1);
    expect(invites[0]?.recipient).toBe("customer");
    const link = new URL(invites[0]?.payload.link ?? "");
    expect(link.pathname).toMatch(/^\/review\/[A-Za-z0-9_-]{43}$/);
    const token = link.pathname.split("/")[2] ?? "";
    const [invitation] = await handle.db
      .select()
      .from(reviewInvitations)
      .where(eq(reviewInvitations.appointmentId, ines.id));
    expect(invitation?.tokenHash).not.toContain(token);

    const made = await submitReview(
      handle.db,
      b.tenant,
      { token },
      { rating: 4, comment: null },
      done,
    );
    expect(made.rating).toBe(4);
    await expect(
      submitReview(handle.db, b.tenant, { token }, { rating: 1, comment: null }, done),
    ).rejects.toMatchObject({ code: "LINK_INVALID" });
    // Another business's token names nothing here.
    const other = await business();
    await expect(
      submitReview(handle.db, other.tenant, { token }, { rating: 1, comment: null }, done),
    ).rejects.toMatchObject({ code: "LINK_INVALID" });
  });

  it("shows the public no hidden review, pages and filters them, and lets the owner reply once", async () => {
    const b = await business();
    await createWebhook(
      handle.db,
      b.tenant.id,
      { url: "http://127.0.0.1:9/in", events: ["review.created"], description: "", enabled: true },
      systemActor,
      { allowPrivate: true },
    );
    const times = ["09:00", "11:00", "13:00"];
    const made = [];
    for (const [i, hhmm] of times.entries()) {
      const a = await b.book(`c${i}@example.test`, `Client${i} Nom`, hhmm);
      await b.complete(a);
      made.push(
        await submitReview(
          handle.db,
          b.tenant,
          { customerId: a.customerId, appointmentId: a.id },
          { rating: i + 3, comment: i === 2 ? "<a href='x'>spam</a>" : `avis ${i}` },
          new Date(Date.parse(a.dateTime) + 3 * HOUR + i * 1000),
        ),
      );
    }
    const events = await handle.db
      .select({ type: webhookEvents.type })
      .from(webhookEvents)
      .where(eq(webhookEvents.tenantId, b.tenant.id));
    expect(events.filter((e) => e.type === "review.created")).toHaveLength(3);

    const spam = made[2]?.id ?? "";
    expect((await b.hide(spam, "Publicité")).status).toBe(200);
    const shown = await b.list();
    expect(shown.status).toBe(200);
    expect(shown.json.summary).toEqual({ count: 2, average: 3.5 });
    expect(shown.json.reviews.map((r: { id: string }) => r.id)).toEqual([made[1]?.id, made[0]?.id]);
    expect(shown.json.reviews[0]).not.toHaveProperty("hidden");
    expect(JSON.stringify(shown.json)).not.toContain("spam");
    const all = (await b.listAll()).json.reviews;
    expect(all[0]).toMatchObject({ id: spam, hidden: true, hiddenReason: "Publicité" });

    const first = await b.list("?limit=1");
    const next = await b.list(`?limit=1&cursor=${first.json.pagination.nextCursor}`);
    expect(next.json.reviews.map((r: { id: string }) => r.id)).toEqual([made[0]?.id]);
    expect((await b.list(`?activityId=${b.activity.id}`)).json.reviews).toHaveLength(2);
    expect(
      (await b.list("?staffId=00000000-0000-4000-8000-000000000000")).json.reviews,
    ).toHaveLength(0);

    const replied = await b.reply(made[0]?.id ?? "", "Merci !");
    expect(replied.json.review).toMatchObject({ reply: "Merci !" });
    const again = await b.reply(made[0]?.id ?? "", "Encore merci");
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("ALREADY_REPLIED");
    expect((await b.reply(made[1]?.id ?? "", "bad\u0001text")).status).toBe(422);
    const audited = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.tenantId, b.tenant.id));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(["review.hide", "review.reply"]),
    );
  });
});
