import { type NextRequest, NextResponse } from "next/server";
import { sha256Hex } from "@/lib/crypto/sha256";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { errorMessage } from "@/lib/errors/messages";
import { clientAddress } from "@/lib/http/client-address";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { metrics } from "@/lib/metrics";
import {
  consume,
  type LimitName,
  type LimitState,
  limitersFor,
  rateLimitHeaders,
  refund,
  tightest,
} from "@/lib/rate-limit/limiters";
import { SIGN_IN_RATE_LIMITED } from "./sign-in-error";

const isCredentialsSignIn = (req: NextRequest) =>
  req.method === "POST" && req.nextUrl.pathname.endsWith("/callback/credentials");

/** Where one attempt stands in each of the three counts it is made against. */
interface SignInCounts {
  /** The client address, at any account: per minute. */
  address: LimitState;
  /** This address at this account: per day. */
  pair: LimitState;
  /** This account, from every address: per day. */
  account: LimitState;
}

/**
 * Whether an attempt, already counted, may have its password checked. The address and the
 * address-at-account limits are strict. The account's own limit is loose, so that strangers cannot
 * lock its owner out: past it, only an address that has not tried this account today may (its
 * first attempt), so a guesser gets one try per address while the owner, from their usual
 * address, still signs in; an owner who mistypes then can still sign in with a reset link.
 */
function mayCheckPassword({ address, pair, account }: SignInCounts): LimitState | null {
  const refusal = [address, pair].find((state) => !state.allowed);
  if (refusal) return refusal;
  if (!account.allowed && pair.consumed > 1) return account;
  return null;
}

/**
 * Sign-in by password under its limits. Each attempt is counted *before* its password is checked
 * (one atomic upsert per count, so concurrent guesses are limited exactly like sequential ones) and
 * given back when it succeeds or is refused unchecked. A refusal is a 429 that next-auth's client
 * reads as `error=RATE_LIMITED`, the same for known and unknown addresses.
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
  const email = sha256Hex(
    String(form?.get("email") ?? "")
      .trim()
      .toLowerCase(),
  );
  const ip = clientAddress(req.headers, env().trustProxy);
  const counted: Array<[LimitName, string]> = [
    ["signIn", `ip:${ip}`],
    ["signInPair", `pair:${ip}:${email}`],
    ["signInAccount", `email:${email}`],
  ];
  const limiters = limitersFor(await getDb());
  const [address, pair, account] = (await Promise.all(
    counted.map(([limit, key]) => consume(limiters, limit, key)),
  )) as [LimitState, LimitState, LimitState];
  const giveBack = () => Promise.all(counted.map(([limit, key]) => refund(limiters, limit, key)));

  const refusal = mayCheckPassword({ address, pair, account });
  if (refusal) {
    await giveBack();
    metrics().rateLimited.inc({ limit: refusal.limit });
    const locale = localeFromAcceptLanguage(req.headers.get("accept-language"));
    return NextResponse.json(
      {
        error: errorMessage("RATE_LIMIT_EXCEEDED", locale),
        code: "RATE_LIMIT_EXCEEDED",
        url: new URL(`/login?error=${SIGN_IN_RATE_LIMITED}`, req.nextUrl.origin).href,
      },
      { status: 429, headers: rateLimitHeaders(refusal) },
    );
  }

  const answer = await signIn();
  const signedIn = answer.headers.getSetCookie().some((c) => c.includes("session-token="));
  if (signedIn) await giveBack();
  const response = new Response(answer.body, answer);
  const shown = tightest([address, pair]);
  for (const [name, value] of Object.entries(
    rateLimitHeaders(signedIn ? { ...shown, remaining: shown.remaining + 1 } : shown),
  )) {
    response.headers.set(name, value);
  }
  return response;
}
