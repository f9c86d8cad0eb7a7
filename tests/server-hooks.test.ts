import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwardedHeadersTrusted, installServerHooks } from "@/lib/http/server-hooks";

/** What the app behind the hooks saw of each request: its headers. */
let server: http.Server;
let port: number;

beforeAll(async () => {
  installServerHooks();
  server = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function send(method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method, path: "/api/x", headers });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("the server hooks", () => {
  it("answer a method the app does not serve with a JSON 405 and Allow, before Next.js", async () => {
    for (const method of ["TRACE", "PROPFIND", "TRACK", "BREW"]) {
      const answer = await send(method, { "accept-language": "fr" });
      expect(answer.status, method).toBe(405);
      expect(JSON.parse(answer.body)).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
      expect(answer.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    }
    // In the client's language where the request got as far as its headers.
    expect(JSON.parse((await send("TRACE", { "accept-language": "fr" })).body).error).toBe(
      "Méthode non permise sur cette ressource",
    );
    expect((await send("GET")).status).toBe(200);
  });

  it("hand the app the connection's address and port, whatever the client claims", async () => {
    const seen = JSON.parse(
      (
        await send("GET", {
          "x-rendezvous-client-address": "203.0.113.9",
          "x-rendezvous-local-port": "1",
        })
      ).body,
    );
    expect(seen["x-rendezvous-client-address"]).toBe("127.0.0.1");
    expect(seen["x-rendezvous-local-port"]).toBe(String(port));
  });

  it("keep a client's X-Forwarded-* only from a trusted proxy or from this machine (Next.js's own requests)", () => {
    expect(forwardedHeadersTrusted(false, "203.0.113.9")).toBe(false);
    expect(forwardedHeadersTrusted(false, "2001:db8::1")).toBe(false);
    expect(forwardedHeadersTrusted(false, "::ffff:203.0.113.9")).toBe(false);
    expect(forwardedHeadersTrusted(false, undefined)).toBe(false);
    expect(forwardedHeadersTrusted(true, "203.0.113.9")).toBe(true);
    for (const local of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(forwardedHeadersTrusted(false, local), local).toBe(true);
    }
  });
});
