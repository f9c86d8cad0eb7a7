import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are asserted field by field
  payload: any;
  /** The secrets (of those it knows) whose signature verified. */
  verifiedWith: string[];
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (a receiver that hangs). */
  hang?: boolean;
}

/**
 * A webhook receiver on a loopback port, as an integrator would write one: it checks every
 * delivery with the standardwebhooks library against the secrets it knows, and keeps those that
 * verify (a delivery no secret verifies gets 401). `answer` says what it answers next.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const state = {
    secrets: [] as string[],
    answer: { status: 200, body: "ok" } as Answer,
    requests: 0,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
      );
      const verifiedWith = state.secrets.filter((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const answer = state.answer;
      if (answer.hang) return;
      if (!verifiedWith.length) {
        res.writeHead(401).end("bad signature");
        return;
      }
      if (answer.status >= 200 && answer.status < 300) {
        received.push({
          id: String(req.headers["webhook-id"]),
          headers: req.headers,
          body,
          payload: JSON.parse(body),
          verifiedWith,
        });
      }
      res.writeHead(answer.status, answer.headers).end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    state,
    types: () => received.map((r) => r.payload.type as string),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
