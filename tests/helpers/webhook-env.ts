import { afterAll, beforeAll } from "vitest";
import { rereadEnv } from "@/lib/env";

/** For the suite: webhook endpoints may be on loopback (the tests' receivers listen there). */
export function allowPrivateWebhooks() {
  beforeAll(() => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
    rereadEnv();
  });
  afterAll(() => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    rereadEnv();
  });
}
