import { describe, expect, it } from "vitest";
import { resolveTenantSlug, subdomainOf } from "@/lib/tenants/resolve-tenant-slug";

const none = { host: "localhost:3000", header: null, query: null };

describe("resolveTenantSlug", () => {
  it("prefers the subdomain, the header, ?tenant=, the cookie, the user's business, the default", () => {
    const all = {
      host: "sub.localhost:3000",
      header: "head",
      query: "query",
      cookie: "cookie",
      session: "mine",
      rootDomain: "localhost",
      defaultTenant: "fallback",
    };
    expect(resolveTenantSlug(all)).toBe("sub");
    expect(resolveTenantSlug({ ...all, host: "localhost:3000" })).toBe("head");
    expect(resolveTenantSlug({ ...all, host: "localhost:3000", header: null })).toBe("query");
    expect(resolveTenantSlug({ ...all, host: "localhost", header: null, query: null })).toBe(
      "cookie",
    );
    const bare = { ...all, host: "localhost", header: null, query: null, cookie: null };
    expect(resolveTenantSlug(bare)).toBe("mine");
    expect(resolveTenantSlug({ ...bare, session: null })).toBe("fallback");
    expect(resolveTenantSlug(none)).toBeNull();
  });

  it("lets an explicit but unknown tenant win over the default", () => {
    expect(resolveTenantSlug({ ...none, header: "Nope ", defaultTenant: "demo" })).toBe("nope");
  });

  it("treats blank sources as absent", () => {
    expect(resolveTenantSlug({ ...none, header: " ", query: "", defaultTenant: "demo" })).toBe(
      "demo",
    );
  });
});

describe("subdomainOf", () => {
  it("reads one label under the root domain, ignoring ports and case", () => {
    expect(subdomainOf("Acme.Example.com:8080", "example.com")).toBe("acme");
    expect(subdomainOf("acme.localhost:3000", "localhost:3000")).toBe("acme");
  });

  it("ignores the bare root, www, deeper names, other domains and a missing root", () => {
    expect(subdomainOf("example.com", "example.com")).toBeNull();
    expect(subdomainOf("www.example.com", "example.com")).toBeNull();
    expect(subdomainOf("a.b.example.com", "example.com")).toBeNull();
    expect(subdomainOf("acme.example.org", "example.com")).toBeNull();
    expect(subdomainOf("notexample.com", "example.com")).toBeNull();
    expect(subdomainOf("acme.example.com", undefined)).toBeNull();
  });
});
