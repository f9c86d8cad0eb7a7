import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs and encrypts sessions: NEXTAUTH_SECRET, or on the embedded default a random
 * one generated at first start and kept in DATA_DIR, so sessions survive restarts.
 */
export function authSecret(): string {
  if (cached) return cached;
  const config = env();
  if (config.nextAuthSecret) {
    cached = config.nextAuthSecret;
    return cached;
  }
  const file = path.resolve(config.dataDir, "auth-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = readFileSync(file, "utf8").trim();
  return cached;
}
