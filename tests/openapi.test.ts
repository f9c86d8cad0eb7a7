import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as customerById from "@/app/api/customers/[id]/route";
import * as webhooksRoute from "@/app/api/webhooks/route";
import { docsAsset } from "@/lib/openapi/docs-page";
import { openApiDocument } from "@/lib/openapi/document";
import {
  activityShape,
  appointmentShape,
  customerShape,
  errorShape,
  webhookWithSecretShape,
} from "@/lib/openapi/shapes";
import { activityBody, client, dayFromToday, openBusiness, parisAt } from "./helpers/api";
import { call, useAppDatabase } from "./helpers/routes";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

const API = path.join(process.cwd(), "app", "api");

/** Every route file of app/api, as the OpenAPI path it serves and the methods it answers. */
function routes(dir = API): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routes(full);
    if (entry.name !== "route.ts") return [];
    const source = readFileSync(full, "utf8");
    // The methods a route serves are those its otherMethods(...) call names: the rest get 405.
    const served = /otherMethods\(([^)]*)\)/.exec(source)?.[1];
    const route = `/api/${path.relative(API, dir)}`.replace(/\[(\w+)\]/g, "{$1}");
    return served
      ? [{ path: route, methods: [...served.matchAll(/"(\w+)"/g)].map((m) => m[1] as string) }]
      : [];
  });
}

/** The keys of an object schema's shape, to compare with a real answer's. */
const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape).sort();

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = structuredClone(openApiDocument());
    await expect(SwaggerParser.validate(document as never)).resolves.toBeTruthy();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.webhooks ?? {})).toContain("appointment.created");
  });

  it("describes every route of the API, each method it serves", () => {
    // The catch-all 404 and next-auth's own endpoints (sign-in) serve no integrator.
    const found = routes().filter((r) => !r.path.includes("[..."));
    expect(found.length).toBeGreaterThan(25);
    const paths = openApiDocument().paths ?? {};
    const missing = found.flatMap((r) =>
      r.methods
        .filter((m) => !(paths[r.path] as Record<string, unknown> | undefined)?.[m.toLowerCase()])
        .map((m) => `${m} ${r.path}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("the answers match the document's shapes", () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase("pglite");
    useAppDatabase(handle);
  });
  afterAll(() => handle.close());

  it("for an activity, an appointment, a customer, an error and a webhook endpoint", async () => {
    const { api, publicApi, biz } = await openBusiness(handle.db);
    const activity = (await api.createActivity(activityBody())).json.activity;
    expect(activityShape.safeParse(activity).error).toBeUndefined();
    expect(Object.keys(activity).sort()).toEqual(keysOf(activityShape));

    const booked = await publicApi.book({
      activityId: activity.id,
      dateTime: parisAt(dayFromToday(2), "10:00"),
      clientInfo: client(),
    });
    expect(appointmentShape.safeParse(booked.json.appointment).error).toBeUndefined();
    expect(Object.keys(booked.json.appointment).sort()).toEqual(keysOf(appointmentShape));

    const customer = await call(customerById.GET, "GET", {
      tenant: biz.tenant.slug,
      headers: { authorization: `Bearer ${biz.apiKey}` },
      params: { id: booked.json.appointment.customerId },
    });
    expect(customerShape.safeParse(customer.json.customer).error).toBeUndefined();
    expect(Object.keys(customer.json.customer).sort()).toEqual(keysOf(customerShape));

    const refused = await publicApi.book({ activityId: activity.id });
    expect(refused.status).toBe(422);
    expect(errorShape.safeParse(refused.json).error).toBeUndefined();

    const created = await call(webhooksRoute.POST, "POST", {
      tenant: biz.tenant.slug,
      headers: { authorization: `Bearer ${biz.apiKey}` },
      body: { url: "https://93.184.215.14/hooks", events: ["appointment.created"] },
    });
    expect(created.status).toBe(201);
    expect(webhookWithSecretShape.safeParse(created.json.webhook).error).toBeUndefined();
    expect(Object.keys(created.json.webhook).sort()).toEqual(keysOf(webhookWithSecretShape));
  });
});

describe("the explorer's assets", () => {
  it("serves its two files and nothing an object inherits", async () => {
    expect((await docsAsset("swagger-ui.css"))?.type).toContain("text/css");
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "x"]) {
      expect(await docsAsset(name), name).toBeNull();
    }
  });
});
