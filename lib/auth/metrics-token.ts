import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether a request may read the operational details (metrics, detailed health): it sends
 * `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time. "unconfigured" when no
 * token is set, in which case nobody may.
 */
export function metricsAccess(request: Request): "granted" | "denied" | "unconfigured" {
  const token = env().metricsToken;
  if (!token) return "unconfigured";
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(sent), digest(token)) ? "granted" : "denied";
}
