import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

// A small stand-in for the few Stripe endpoints Rendezvous uses, for the official SDK pointed at it
// (host/port/protocol): Checkout Sessions (create, retrieve, expire), refunds, and a Checkout page
// whose "Pay" button completes the session, sends the signed webhook and returns to success_url.

export interface FakeSession {
  id: string;
  object: "checkout.session";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  url: string;
  amount_total: number;
  currency: string;
  expires_at: number;
  success_url: string;
  cancel_url: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  account: string | null;
}

export interface FakeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  account: string | null;
  contentType: string | null;
  form: Record<string, string>;
}

export interface FakeStripe {
  url: string;
  sessions: Map<string, FakeSession>;
  refunds: { id: string; amount: number; payment_intent: string; account: string | null }[];
  requests: FakeRequest[];
  /** While true, every API request gets a 500 (Stripe unreachable, as far as the app can tell). */
  down: boolean;
  /** Pays the session (as the Checkout page would), without sending the webhook. */
  pay(id: string): FakeSession;
  /** A signed webhook delivery of `type` for the session: its body and Stripe-Signature header. */
  event(type: string, session: FakeSession, options?: { secret?: string }): WebhookDelivery;
  close(): Promise<void>;
}

export interface WebhookDelivery {
  id: string;
  body: string;
  signature: string;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const signer = new Stripe("sk_test_signer");

function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () =>
      resolve(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")))),
    );
    req.on("error", reject);
  });
}

const prefixed = (form: Record<string, string>, prefix: string) =>
  Object.fromEntries(
    Object.entries(form)
      .filter(([k]) => k.startsWith(`${prefix}[`))
      .map(([k, v]) => [k.slice(prefix.length + 1, -1), v]),
  );

export async function startFakeStripe(options: {
  webhookSecret: string;
  /** Where the Checkout page's payment is reported (the app's webhook), if anywhere. */
  webhookUrl?: string;
  port?: number;
}): Promise<FakeStripe> {
  const sessions = new Map<string, FakeSession>();
  const refunds: FakeStripe["refunds"] = [];
  const requests: FakeRequest[] = [];
  const answered = new Map<string, unknown>();
  let base = "";

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const apiError = (res: ServerResponse, status: number, message: string) =>
    json(res, status, { error: { type: "invalid_request_error", message } });

  const pay = (sessionId: string) => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    if (session.status !== "open") return session;
    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent = id("pi");
    return session;
  };

  const event = (type: string, session: FakeSession, o: { secret?: string } = {}) => {
    const eventId = id("evt");
    const { account, ...object } = session;
    const body = JSON.stringify({
      id: eventId,
      object: "event",
      type,
      ...(account ? { account } : {}),
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object },
    });
    const signature = signer.webhooks.generateTestHeaderString({
      payload: body,
      secret: o.secret ?? options.webhookSecret,
    });
    return { id: eventId, body, signature };
  };

  async function api(req: IncomingMessage, res: ServerResponse, path: string) {
    const form = req.method === "POST" ? await readForm(req) : {};
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const account = (req.headers["stripe-account"] as string | undefined) ?? null;
    requests.push({
      method: req.method ?? "",
      path,
      idempotencyKey: key,
      account,
      contentType: req.headers["content-type"] ?? null,
      form,
    });
    if (fake.down) return apiError(res, 500, "unavailable");
    const replay = key ? answered.get(`${path} ${key}`) : undefined;
    if (replay) return json(res, 200, replay);
    const answer = (body: unknown) => {
      if (key) answered.set(`${path} ${key}`, body);
      json(res, 200, body);
    };
    const sessionOf = (sid: string) => {
      const s = sessions.get(sid);
      return s && s.account === account ? s : undefined;
    };
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const sessionId = id("cs");
      const session: FakeSession = {
        id: sessionId,
        object: "checkout.session",
        status: "open",
        payment_status: "unpaid",
        url: `${base}/pay/${sessionId}`,
        amount_total: Number(form["line_items[0][price_data][unit_amount]"]),
        currency: form["line_items[0][price_data][currency]"] ?? "",
        expires_at: Number(form.expires_at),
        success_url: form.success_url ?? "",
        cancel_url: form.cancel_url ?? "",
        client_reference_id: form.client_reference_id ?? null,
        customer_email: form.customer_email ?? null,
        metadata: prefixed(form, "metadata"),
        payment_intent: null,
        account,
      };
      const ahead = session.expires_at - Date.now() / 1000;
      if (!(ahead >= 30 * 60 && ahead <= 24 * 3600)) {
        return apiError(res, 400, "expires_at must be 30 minutes to 24 hours from now");
      }
      sessions.set(sessionId, session);
      const { account: _, ...body } = session;
      return answer(body);
    }
    const expire = path.match(/^\/v1\/checkout\/sessions\/([\w]+)\/expire$/);
    if (req.method === "POST" && expire) {
      const session = sessionOf(expire[1] as string);
      if (!session) return apiError(res, 404, "No such checkout.session");
      if (session.status !== "open") return apiError(res, 400, "Only open sessions can be expired");
      session.status = "expired";
      return answer(session);
    }
    const retrieve = path.match(/^\/v1\/checkout\/sessions\/([\w]+)$/);
    if (req.method === "GET" && retrieve) {
      const session = sessionOf(retrieve[1] as string);
      return session ? json(res, 200, session) : apiError(res, 404, "No such checkout.session");
    }
    if (req.method === "POST" && path === "/v1/refunds") {
      const intent = form.payment_intent ?? "";
      const paid = [...sessions.values()].find(
        (s) => s.payment_intent === intent && s.account === account,
      );
      if (!paid) return apiError(res, 404, "No such payment_intent");
      const amount = Number(form.amount ?? paid.amount_total);
      const done = refunds
        .filter((r) => r.payment_intent === intent)
        .reduce((n, r) => n + r.amount, 0);
      if (amount + done > paid.amount_total) return apiError(res, 400, "Refund exceeds the charge");
      const refund = { id: id("re"), amount, payment_intent: intent, account };
      refunds.push(refund);
      return answer({ ...refund, object: "refund", status: "succeeded", currency: paid.currency });
    }
    return apiError(res, 404, `Unrecognized request URL (${req.method} ${path})`);
  }

  async function checkoutPage(req: IncomingMessage, res: ServerResponse, sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) {
      res.writeHead(404).end("no such session");
      return;
    }
    if (req.method === "POST") {
      pay(sessionId);
      if (options.webhookUrl) {
        const delivery = event("checkout.session.completed", session);
        await fetch(options.webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
          body: delivery.body,
        });
      }
      res.writeHead(303, { location: session.success_url }).end();
      return;
    }
    const amount = (session.amount_total / 100).toFixed(2);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Test checkout</title></head><body><main>
<h1>Test checkout</h1><p>Amount: <span data-testid="amount">${amount} ${session.currency.toUpperCase()}</span></p>
<p>Status: ${session.status}</p>
${session.status === "open" ? `<form method="post"><button type="submit">Pay</button></form>` : ""}
<a href="${session.cancel_url}">Back</a></main></body></html>`);
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/plain" }).end("fake stripe");
      return;
    }
    const page = path.match(/^\/pay\/([\w]+)$/);
    const handle = page ? checkoutPage(req, res, page[1] as string) : api(req, res, path);
    handle.catch((error) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeStripe = {
    url: base,
    sessions,
    refunds,
    requests,
    down: false,
    pay,
    event,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
