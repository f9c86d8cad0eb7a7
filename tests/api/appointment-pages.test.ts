import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityBody, apiClient, openBusiness } from "../helpers/api";
import { insertAppointment, type seedTenant } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";

const MINUTE = 60_000;

describe.each(engines)("appointment pages on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;
  let api: ReturnType<typeof apiClient>;
  let activityId: string;
  const base = Date.now() + 7 * 24 * 60 * MINUTE;

  // Cancelled appointments hold no time, so several may share a start: the id breaks the tie.
  const insert = (startsAt: number) =>
    insertAppointment(handle.db, {
      tenantId: biz.tenant.id,
      activityId,
      startsAt: new Date(startsAt),
      status: "cancelled",
    });

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    ({ biz, api } = await openBusiness(handle.db));
    activityId = (await api.createActivity(activityBody())).json.activity.id;
  });
  afterAll(() => handle.close());

  it("pages 1,000 appointments by cursor, each exactly once while others are inserted meanwhile", async () => {
    const originals = [];
    for (let i = 0; i < 1000; i++)
      originals.push(await insert(base + Math.floor(i / 3) * 15 * MINUTE));
    const seen: string[] = [];
    const before: string[] = [];
    const later: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (; pages < 20; ) {
      const answer = await api.listAppointments({ limit: "100", cursor });
      pages++;
      expect(answer.status).toBe(200);
      expect(answer.json.pagination.limit).toBe(100);
      seen.push(...answer.json.appointments.map((a: { id: string }) => a.id));
      if (!answer.json.pagination.hasMore) {
        expect(answer.json.pagination.nextCursor).toBeNull();
        break;
      }
      cursor = answer.json.pagination.nextCursor;
      // Meanwhile: one behind the cursor (never seen) and one ahead of everything (seen once).
      before.push((await insert(base - pages * MINUTE))?.id ?? "");
      later.push((await insert(base + 10_000 * MINUTE + pages * MINUTE))?.id ?? "");
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const a of originals) expect(seen.filter((id) => id === a?.id)).toHaveLength(1);
    expect(seen.filter((id) => before.includes(id))).toEqual([]);
    expect(seen.filter((id) => later.includes(id))).toEqual(later);
    expect(seen).toHaveLength(1000 + later.length);
    expect(pages).toBe(11);
    const starts = (await api.listAppointments({})).json.appointments.map(
      (a: { id: string; dateTime: string }) => a.id,
    );
    // Without limit or cursor: every appointment, as the contract answers, and no pagination.
    expect(starts).toHaveLength(1000 + before.length + later.length);
    expect((await api.listAppointments({})).json.pagination).toBeUndefined();
  });

  it("pages latest first with order=desc, each once", async () => {
    const pages = async (order: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const answer = await api.listAppointments({ order, limit: "200", cursor });
        seen.push(...answer.json.appointments.map((a: { id: string }) => a.id));
        if (!answer.json.pagination.hasMore) break;
        cursor = answer.json.pagination.nextCursor;
      }
      return seen;
    };
    const ascending = await pages("asc");
    expect(ascending).toHaveLength((await api.listAppointments({})).json.appointments.length);
    expect(await pages("desc")).toEqual([...ascending].reverse());
    expect((await api.listAppointments({ order: "sideways" })).status).toBe(422);
    // By when they were booked: the pages, latest first, are the whole list reversed.
    const booked = async (order: string, limit?: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const answer = await api.listAppointments({ sort: "createdAt", order, limit, cursor });
        seen.push(...answer.json.appointments.map((a: { id: string }) => a.id));
        if (!answer.json.pagination?.hasMore) break;
        cursor = answer.json.pagination.nextCursor;
      }
      return seen;
    };
    const byBooking = await booked("asc");
    expect(byBooking).not.toEqual(ascending);
    expect(await booked("desc", "150")).toEqual([...byBooking].reverse());
    expect((await api.listAppointments({ sort: "price" })).status).toBe(422);
  });

  it("filters by activity and staff member, and refuses a foreign cursor or a limit out of range", async () => {
    const other = (await api.createActivity(activityBody({ name: "Other" }))).json.activity.id;
    const mine = await insertAppointment(handle.db, {
      tenantId: biz.tenant.id,
      activityId: other,
      startsAt: new Date(base + 20_000 * MINUTE),
      status: "cancelled",
    });
    const filtered = await api.listAppointments({ activityId: other, limit: "10" });
    expect(filtered.json.appointments.map((a: { id: string }) => a.id)).toEqual([mine?.id]);
    expect(filtered.json.pagination).toEqual({ hasMore: false, nextCursor: null, limit: 10 });
    const byStaff = await api.listAppointments({ staffId: mine?.staffId, activityId: other });
    expect(byStaff.json.appointments).toHaveLength(1);
    for (const query of [
      { cursor: "not-a-cursor" },
      { cursor: Buffer.from('["yesterday","x"]').toString("base64url") },
      { limit: "0" },
      { limit: "201" },
      { limit: "ten" },
      { activityId: "nope" },
    ]) {
      const answer = await api.listAppointments(query);
      expect(answer.status).toBe(422);
      expect(answer.json.code).toBe("VALIDATION_ERROR");
      expect(Object.keys(answer.json.details)).toEqual([Object.keys(query)[0]]);
    }
    // Another business's API key reads none of these, cursor or not.
    const stranger = apiClient(biz.tenant.slug, { authorization: "Bearer rvz_unknown" });
    expect((await stranger.listAppointments({ limit: "5" })).status).toBe(401);
  });
});
