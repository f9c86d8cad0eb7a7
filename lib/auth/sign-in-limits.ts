import { type NextRequest, NextResponse } from "next/server";
import { sha256Hex } from "@/lib/crypto/sha256";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { errorMessage } from "@/lib/errors/messages";
import { clientAddress } from "@/lib/http/client-address";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { metrics } from "@/lib/metrics";
import {
  type LimitName,
  limitersFor,
  peek,
  penalize,
  rateLimitHeaders,
  tightest,
} from "@/lib/rate-limit/limiters";
import { SIGN_IN_RATE_LIMITED } from "./sign-in-error";

const isCredentialsSignIn = (req: NextRequest) =>
  req.method === "POST" && req.nextUrl.pathname.endsWith("/callback/credentials");

/**
 * Sign-in by password under its limits: failed attempts count per client IP and per e-mail
 * address (per minute, and a slower lockout per day), and past a limit the attempt is refused
 * before any password is checked, whether the address exists or not. A refusal is a 429 that
 * next-auth's client reads as `error=RATE_LIMITED`.
 */
export async function limitSignIn(
  req: NextRequest,
  signIn: () => Promise<Response>,
): Promise<Response> {
  if (!isCredentialsSignIn(req)) return signIn();
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  const address = `email:${sha256Hex(email)}`;
  const counted: Array<[LimitName, string]> = [
    ["signIn", `ip:${clientAddress(req.headers, env().trustProxy)}`],
    ["signIn", address],
    ["signInDaily", address],
  ];
  const limiters = limitersFor(await getDb());
  const before = tightest(await Promise.all(counted.map(([l, k]) => peek(limiters, l, k))));
  if (!before.allowed) {
    metrics().rateLimited.inc({ limit: before.limit });
    const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
    return NextResponse.json(
      {
        error: errorMessage("RATE_LIMIT_EXCEEDED", locale),
        code: "RATE_LIMIT_EXCEEDED",
        url: new URL(`/login?error=${SIGN_IN_RATE_LIMITED}`, req.nextUrl.origin).href,
      },
      { status: 429, headers: rateLimitHeaders(before) },
    );
  }

  const answer = await signIn();
  const signedIn = answer.headers.getSetCookie().some((c) => c.includes("session-token="));
  if (!signedIn) await Promise.all(counted.map(([l, k]) => penalize(limiters, l, k)));
  const response = new Response(answer.body, answer);
  const after = signedIn ? before : { ...before, remaining: Math.max(before.remaining - 1, 0) };
  for (const [name, value] of Object.entries(rateLimitHeaders(after))) {
    response.headers.set(name, value);
  }
  return response;
}
