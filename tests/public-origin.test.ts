import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/http/public-origin";
import { ownHostLink } from "@/lib/tenants/booking-link";

const origin = (headers: Record<string, string>, fallback?: string) =>
  publicOrigin(new Headers(headers), fallback);

describe("publicOrigin", () => {
  it("keeps the visitor's host, subdomain and port, from the forwarded host first", () => {
    expect(origin({ host: "localhost:4123" })).toBe("http://localhost:4123");
    expect(origin({ host: "localhost:4123", "x-forwarded-host": "acme.localhost:4123" })).toBe(
      "http://acme.localhost:4123",
    );
    expect(
      origin({ host: "10.0.0.5:3000", "x-forwarded-host": "Book.Example.com, proxy.internal" }),
    ).toBe("http://book.example.com");
  });

  it("is https only when the forwarded protocol says so", () => {
    expect(origin({ host: "book.example", "x-forwarded-proto": "https" })).toBe(
      "https://book.example",
    );
    expect(origin({ host: "book.example", "x-forwarded-proto": "gopher" })).toBe(
      "http://book.example",
    );
  });

  it("falls back when the request names no usable host", () => {
    expect(origin({})).toBe("http://localhost:3000");
    expect(origin({ host: "evil.example/path?x" }, "https://book.example/app")).toBe(
      "https://book.example",
    );
  });
});

describe("ownHostLink", () => {
  const from = (host: string) => new Headers({ host });
  it("is the business's subdomain on the request's port, whatever host the request came on", () => {
    expect(ownHostLink(from("localhost:3107"), { slug: "salon" }, "localhost")).toBe(
      "http://salon.localhost:3107/",
    );
    expect(ownHostLink(from("other.localhost:3107"), { slug: "salon" }, "localhost")).toBe(
      "http://salon.localhost:3107/",
    );
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
