import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhooksRoute from "@/app/api/webhooks/route";
import { activityBody, openBusiness } from "../helpers/api";
import { type CallResult, call, useAppDatabase } from "../helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "../helpers/test-db";
import { allowPrivateWebhooks } from "../helpers/webhook-env";

// Every list of the API pages the same way: `limit` and `cursor` give pages in creation order, each
// row exactly once however many are added meanwhile; without them, the list is whole and has no
// `pagination` (the contract's shape).
describe.each(engines)("list pages on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());
  allowPrivateWebhooks();

  type Lister = (query: Record<string, string | undefined>) => Promise<CallResult>;

  /** Reads every page of `limit` rows, adding a row after each page; returns the ids seen. */
  async function pageThrough(list: Lister, key: string, add: (n: number) => Promise<unknown>) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 50; n++) {
      const page = await list({ limit: "2", cursor });
      expect(page.status, JSON.stringify(page.json)).toBe(200);
      seen.push(...page.json[key].map((row: { id: string }) => row.id));
      await add(n);
      if (!page.json.pagination.hasMore) break;
      cursor = page.json.pagination.nextCursor;
    }
    return seen;
  }

  it("pages activities, staff, locations, resources and webhooks, each row once", async () => {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const webhookList: Lister = (query) =>
      call(webhooksRoute.GET, "GET", {
        tenant: biz.tenant.slug,
        headers: { authorization: `Bearer ${biz.apiKey}` },
        path: `/api/webhooks?${new URLSearchParams(
          Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
        )}`,
      });
    const addWebhook = (n: number) =>
      call(webhooksRoute.POST, "POST", {
        tenant: biz.tenant.slug,
        headers: { authorization: `Bearer ${biz.apiKey}` },
        body: { url: `http://127.0.0.1:9/hook-${n}`, events: ["appointment.created"] },
      });
    const lists: [string, Lister, string, (n: number) => Promise<unknown>][] = [
      [
        "activities",
        (q) => api.listActivities(q),
        "activities",
        (n) => api.createActivity(activityBody({ name: `Service ${n}` })),
      ],
      [
        "public activities",
        (q) => publicApi.publicActivities(undefined, q),
        "activities",
        (n) => api.createActivity(activityBody({ name: `Public ${n}` })),
      ],
      ["staff", (q) => api.listStaff(q), "staff", (n) => api.createStaff({ name: `Person ${n}` })],
      [
        "locations",
        (q) => api.listLocations(q),
        "locations",
        (n) => api.createLocation({ name: `Place ${n}`, timeZone: "Europe/Paris" }),
      ],
      [
        "resources",
        (q) => api.listResources(q),
        "resources",
        (n) => api.createResource({ name: `Room ${n}`, kind: "Room" }),
      ],
      ["webhooks", webhookList, "webhooks", addWebhook],
    ];
    for (const [name, list, key, add] of lists) {
      for (let n = 0; n < 5; n++)
        expect(((await add(100 + n)) as CallResult).status, name).toBe(201);
      const whole = await list({});
      expect(whole.json.pagination, name).toBeUndefined();
      const before = whole.json[key].map((row: { id: string }) => row.id);
      const seen = await pageThrough(list, key, add);
      expect(new Set(seen).size, `${name}: no row twice`).toBe(seen.length);
      expect(seen, `${name}: every row there before`).toEqual(expect.arrayContaining(before));
      const bad = await list({ cursor: "not-a-cursor" });
      expect(bad.status, name).toBe(422);
    }
  });
});
