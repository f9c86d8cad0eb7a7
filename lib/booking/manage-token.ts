import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/sha256";

// A customer's private link to their booking. 256 random bits, so a fast hash is enough to keep a
// database leak from turning into working links (as with the API keys).
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashManageToken = sha256Hex;

export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashManageToken(token) };
}

/** Whether a string could be a manage token at all, before any database lookup. */
export const isManageToken = (value: string) => TOKEN_PATTERN.test(value);
