import { timingSafeEqual } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/sha256";
import { env } from "@/lib/env";
import { bearerOf } from "@/lib/http/request-input";

// Hashed first, so that the comparison takes the same time whatever the length sent.
const digest = (text: string) => Buffer.from(sha256Hex(text), "hex");

/**
 * Whether a request may read the operational details (metrics, detailed health): it sends
 * `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. "unconfigured" when no
 * token is set, in which case nobody may.
 */
export function metricsAccess(request: Request): "granted" | "denied" | "unconfigured" {
  const token = env().metricsToken;
  if (!token) return "unconfigured";
  const sent = bearerOf(request.headers) ?? "";
  return timingSafeEqual(digest(sent), digest(token)) ? "granted" : "denied";
}
