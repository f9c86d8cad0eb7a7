import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/http/public-origin";

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
