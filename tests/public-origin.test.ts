import { afterEach, describe, expect, it, vi } from "vitest";
import { rereadEnv } from "@/lib/env";
import { canonicalOrigin, isOwnHost, LOCAL_PORT_HEADER } from "@/lib/http/own-hosts";
import { publicOrigin } from "@/lib/http/public-origin";
import { confirmLinks, manageLinks, ownHostLink, resetLinks } from "@/lib/tenants/booking-link";

/** The configuration read afresh with these variables (none of the three unless named). */
function configure(vars: { APP_URL?: string; NEXTAUTH_URL?: string; APP_ROOT_DOMAIN?: string }) {
  vi.stubEnv("APP_URL", vars.APP_URL ?? "");
  vi.stubEnv("NEXTAUTH_URL", vars.NEXTAUTH_URL ?? "");
  vi.stubEnv("APP_ROOT_DOMAIN", vars.APP_ROOT_DOMAIN ?? "");
  rereadEnv();
}
afterEach(() => {
  vi.unstubAllEnvs();
  rereadEnv();
});

// Headers as the server hook leaves them: the serving port, and Next.js's forwarded host.
const origin = (headers: Record<string, string>) =>
  publicOrigin(new Headers({ [LOCAL_PORT_HEADER]: "4123", ...headers }));

describe("isOwnHost", () => {
  it("knows the configured origin, the root domain and one label under it, on the right port", () => {
    const own = { appUrl: "https://book.example", rootDomain: "rdv.example", servingPort: "3000" };
    for (const host of [
      "book.example",
      "rdv.example",
      "salon.rdv.example",
      "salon.rdv.example:3000",
    ]) {
      expect(isOwnHost(host, own), host).toBe(true);
    }
    for (const host of [
      "evil.example",
      "book.example:3000",
      "a.b.rdv.example",
      "salon.rdv.example:9999",
      "rdv.example.evil.example",
      "localhost:3000",
      "salon.rdv.example/x",
      "",
    ]) {
      expect(isOwnHost(host, own), host).toBe(false);
    }
  });

  it("knows loopback hosts on the serving port when nothing is configured", () => {
    const own = { servingPort: "3397" };
    for (const host of ["localhost:3397", "127.0.0.1:3397", "[::1]:3397", "LOCALHOST:3397"]) {
      expect(isOwnHost(host, own), host).toBe(true);
    }
    for (const host of ["localhost:3398", "evil.example:3397", "evil.localhost:3397"]) {
      expect(isOwnHost(host, own), host).toBe(false);
    }
    expect(
      isOwnHost("salon.localhost:3397", { rootDomain: "localhost", servingPort: "3397" }),
    ).toBe(true);
  });

  it("builds links on the configured origin otherwise", () => {
    expect(canonicalOrigin({ appUrl: "https://book.example/app" })).toBe("https://book.example");
    expect(canonicalOrigin({ rootDomain: "rdv.example:8080" })).toBe("http://rdv.example:8080");
    expect(canonicalOrigin({ servingPort: "3397" })).toBe("http://localhost:3397");
  });
});

describe("publicOrigin", () => {
  it("keeps the visitor's host, subdomain and port when they are ours", () => {
    configure({ APP_ROOT_DOMAIN: "localhost" });
    expect(origin({ host: "localhost:4123" })).toBe("http://localhost:4123");
    expect(origin({ host: "localhost:4123", "x-forwarded-host": "acme.localhost:4123" })).toBe(
      "http://acme.localhost:4123",
    );
    configure({ APP_ROOT_DOMAIN: "example.com" });
    expect(
      origin({ host: "10.0.0.5:3000", "x-forwarded-host": "Book.Example.com, proxy.internal" }),
    ).toBe("http://book.example.com");
  });

  it("is https only when the forwarded protocol says so", () => {
    configure({ APP_ROOT_DOMAIN: "book.example" });
    expect(origin({ host: "book.example", "x-forwarded-proto": "https" })).toBe(
      "https://book.example",
    );
    expect(origin({ host: "book.example", "x-forwarded-proto": "gopher" })).toBe(
      "http://book.example",
    );
  });

  it("never builds a link on a host that is not ours, forwarded or not", () => {
    configure({});
    expect(origin({})).toBe("http://localhost:4123");
    expect(origin({ host: "evil.example" })).toBe("http://localhost:4123");
    expect(origin({ host: "localhost:4123", "x-forwarded-host": "evil.example" })).toBe(
      "http://localhost:4123",
    );
    configure({ NEXTAUTH_URL: "https://book.example/app" });
    expect(origin({ host: "evil.example/path?x" })).toBe("https://book.example");
    expect(origin({ host: "localhost:4123" })).toBe("https://book.example");
    configure({ APP_URL: "https://rdv.example", NEXTAUTH_URL: "https://book.example" });
    expect(origin({ host: "evil.example" })).toBe("https://rdv.example");
    // Its own host keeps its https, though no trusted proxy said so.
    expect(origin({ host: "rdv.example" })).toBe("https://rdv.example");
  });

  it("gives every link the app sends by e-mail on the configured origin for a forged host", () => {
    configure({ APP_ROOT_DOMAIN: "rdv.example", APP_URL: "https://rdv.example" });
    const tenant = { slug: "salon" };
    const forgeries: Record<string, string>[] = [
      { host: "evil.example" },
      { "x-forwarded-host": "evil.example" },
    ];
    for (const forged of forgeries) {
      const headers = new Headers({ host: "rdv.example", ...forged });
      for (const link of [
        manageLinks(headers, tenant, "rdv.example")("t"),
        resetLinks(headers, tenant, "rdv.example")("t"),
        confirmLinks(headers, tenant, "rdv.example")("t"),
        ownHostLink(headers, tenant, "rdv.example"),
      ]) {
        expect(new URL(link).hostname).toMatch(/(^|\.)rdv\.example$/);
      }
    }
  });
});

describe("ownHostLink", () => {
  const from = (host: string) => new Headers({ host });
  it("is the business's subdomain on the request's port, whatever host the request came on", () => {
    configure({ APP_ROOT_DOMAIN: "localhost" });
    expect(ownHostLink(from("localhost:3107"), { slug: "salon" }, "localhost")).toBe(
      "http://salon.localhost:3107/",
    );
    expect(ownHostLink(from("other.localhost:3107"), { slug: "salon" }, "localhost")).toBe(
      "http://salon.localhost:3107/",
    );
    configure({ APP_ROOT_DOMAIN: "rdv.example:8080" });
    expect(ownHostLink(from("rdv.example:8080"), undefined, "rdv.example:8080")).toBe(
      "http://{slug}.rdv.example:8080/",
    );
  });
  it("names the business with ?tenant= without a root domain", () => {
    expect(ownHostLink(from("localhost:3107"), { slug: "a b" }, undefined)).toBe(
      "http://localhost:3107/?tenant=a%20b",
    );
  });
});
