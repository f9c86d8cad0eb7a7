import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { limitSignIn } from "@/lib/auth/sign-in-limits";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { TENANT_HEADER } from "@/lib/tenants/resolve-tenant-slug";
import { seedTenant } from "./helpers/fixtures";
import { useAppDatabase } from "./helpers/routes";
import { createTestDatabase, engines, type TestDatabase } from "./helpers/test-db";

vi.hoisted(() => {
  Object.assign(process.env, { RATE_LIMIT_SIGNIN: "5" });
});

let counter = 0;
const freshIp = () => `192.0.2.${++counter}`;

describe.each(engines)("sign-in limits on %s", (engine) => {
  let handle: TestDatabase;
  let biz: Awaited<ReturnType<typeof seedTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    useAppDatabase(handle);
    biz = await seedTenant(handle.db, { locale: "en" });
  });
  afterAll(() => handle.close());

  /**
   * One password through the sign-in limits, checked by the real `verifyCredentials` as next-auth's
   * credentials provider does (next-auth itself needs a Next.js request scope: the e2e and the
   * proof sign in through it).
   */
  async function attempt(ip: string, email: string, password: string) {
    const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: {
        [TENANT_HEADER]: biz.tenant.slug,
        [CLIENT_ADDRESS_HEADER]: ip,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ email, password }),
    });
    const answer = await limitSignIn(request, async () => {
      const user = await verifyCredentials(handle.db, biz.tenant, email, password);
      return user
        ? new Response("{}", { headers: { "set-cookie": "next-auth.session-token=t; Path=/" } })
        : new Response("{}", { status: 401 });
    });
    if (answer.status === 429) return "refused";
    return answer.status === 200 ? "signed in" : "wrong";
  }

  const owner = () => biz.owner.email;

  it("checks at most five of thirty concurrent guesses from one address", async () => {
    const ip = freshIp();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(ip, owner(), `guess-${i}`)),
    );
    expect(answers.filter((a) => a === "wrong")).toHaveLength(5);
    expect(answers.filter((a) => a === "refused")).toHaveLength(25);
    // Even the right password waits for the minute to pass.
    expect(await attempt(ip, owner(), "owner-password")).toBe("refused");
  });

  it("gives an attempt back when it succeeds: the owner signs in again and again", async () => {
    const ip = freshIp();
    for (let i = 0; i < 7; i++)
      expect(await attempt(ip, owner(), "owner-password")).toBe("signed in");
  });

  it("lets strangers lock neither the owner out nor themselves in: past the account's limit, one try per new address", async () => {
    const email = biz.staff.email;
    // Twenty-five strangers, each from an address of its own, concurrently.
    const strangers = Array.from({ length: 25 }, freshIp);
    const answers = await Promise.all(strangers.map((ip) => attempt(ip, email, "wrong-guess")));
    expect(answers.every((a) => a === "wrong")).toBe(true);
    // The account is past its 20 a day: an address that has failed at it is refused...
    expect(await attempt(strangers[0] as string, email, "staff-password")).toBe("refused");
    // ...a new one gets one try, and only one...
    const newcomer = freshIp();
    expect(await attempt(newcomer, email, "another-guess")).toBe("wrong");
    expect(await attempt(newcomer, email, "staff-password")).toBe("refused");
    // ...and the staff member, from an address that has not failed, signs in.
    expect(await attempt(freshIp(), email, "staff-password")).toBe("signed in");
    // Concurrent tries from one new address: one is checked. Five, the address's own limit: a
    // sixth would be refused by that limit, and if it happened to be first at the account the
    // address would lose its one try (never gain a second), which made this count vary.
    const burst = freshIp();
    const tries = await Promise.all(
      Array.from({ length: 5 }, (_, i) => attempt(burst, email, `burst-${i}`)),
    );
    expect(tries.filter((a) => a === "wrong")).toHaveLength(1);
  });
});
