import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth";
import { isSecretToken, newSecretToken, SECRET_TOKEN } from "@/lib/crypto/secret-token";
import { sha256Hex } from "@/lib/crypto/sha256";

// A customer's private link to their booking: a secret token, kept as its hash.
export const hashManageToken = sha256Hex;

export function newManageToken(): { token: string; hash: string } {
  const token = newSecretToken();
  return { token, hash: hashManageToken(token) };
}

// The same pages from a customer's account: a link naming the booking and the account's session,
// signed by the server. It works while that session does and the booking is that customer's, and
// leaves the mailed link as it was (only its hash is kept, so it cannot be shown again).
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ACCOUNT_PATTERN = new RegExp(`^acc\\.(${UUID})\\.(${UUID})\\.(${SECRET_TOKEN})$`);

const accountMac = (tenantId: string, appointmentId: string, sessionId: string) =>
  createHmac("sha256", authSecret())
    .update(`manage:${tenantId}:${appointmentId}:${sessionId}`)
    .digest("base64url");

/** The manage link's token of a booking, opened from the customer's account in this session. */
export const accountManageToken = (tenantId: string, appointmentId: string, sessionId: string) =>
  `acc.${appointmentId}.${sessionId}.${accountMac(tenantId, appointmentId, sessionId)}`;

/** The booking and session an account's token names, when the server signed it; else null. */
export function readAccountManageToken(tenantId: string, token: string) {
  const [, appointmentId, sessionId, mac] = ACCOUNT_PATTERN.exec(token) ?? [];
  if (!appointmentId || !sessionId || !mac) return null;
  const expected = Buffer.from(accountMac(tenantId, appointmentId, sessionId));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { appointmentId, sessionId }
    : null;
}

/** Whether a string could be a manage token at all, before any database lookup. */
export const isManageToken = (value: string) => isSecretToken(value) || ACCOUNT_PATTERN.test(value);

/** Whether a token is an account's (opened from the account, not the mailed link). */
export const isAccountManageToken = (value: string) => ACCOUNT_PATTERN.test(value);
