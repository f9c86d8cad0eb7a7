import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { activityBody, apiClient, dayFromToday, openEveryDay } from "../helpers/api";
import { seedTenant } from "../helpers/fixtures";
import { useAppDatabase } from "../helpers/routes";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

// An integrator's field details come from the messages files (`fieldErrors`), in English unless
// their Accept-Language asks for French; the `error` sentence stays in the business's language.

describe("field details of a refused request", () => {
  let handle: TestDatabase;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    handle = await createTestDatabase("pglite");
    useAppDatabase(handle);
    const biz = await seedTenant(handle.db);
    api = apiClient(biz.tenant.slug, { authorization: `Bearer ${biz.apiKey}` });
    await api.putAvailability(openEveryDay);
    await api.createActivity(activityBody());
  });
  afterAll(() => handle.close());

  const badBooking = {
    activityId: "not-a-uuid",
    dateTime: `${dayFromToday(3)}T25:00:00`,
    clientInfo: { name: "", email: "nobody" },
  };

  it("writes each field's problem in English by default, from the messages files", async () => {
    const refused = await api.book(badBooking);
    expect(refused.status).toBe(422);
    // The business is French: its sentence is, its details are the integrator's (English).
    expect(refused.json.error).toBe(fr.errorCodes.VALIDATION_ERROR);
    expect(refused.json.details).toMatchObject({
      activityId: en.fieldErrors.uuid,
      dateTime: en.fieldErrors.dateTime,
    });
    expect(Object.values(refused.json.details).every((d) => typeof d === "string")).toBe(true);
  });

  it("writes them in French when the integrator asks for it", async () => {
    const refused = await api.book(badBooking, { "accept-language": "fr-FR,fr;q=0.9" });
    expect(refused.json.details).toMatchObject({
      activityId: fr.fieldErrors.uuid,
      dateTime: fr.fieldErrors.dateTime,
    });
  });

  it("fills the values a text needs (a limit), in both languages", async () => {
    const long = { ...activityBody(), name: "x".repeat(121) };
    const inEnglish = await api.createActivity(long);
    const inFrench = await api.createActivity(long, { headers: { "accept-language": "fr" } });
    expect(inEnglish.json.details.name).toBe("must be at most 120 characters");
    expect(inFrench.json.details.name).toBe("doit faire au plus 120 caractères");
  });

  it("has every text in both languages", () => {
    expect(Object.keys(fr.fieldErrors).sort()).toEqual(Object.keys(en.fieldErrors).sort());
  });
});
