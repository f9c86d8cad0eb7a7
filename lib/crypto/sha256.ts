import { createHash } from "node:crypto";

/** SHA-256 of a text, in hex: how secrets are stored and keys are named without the secret. */
export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");
