import { randomBytes } from "node:crypto";

// A secret a link or a session carries: 256 random bits, base64url (43 characters). Stored only as
// a hash; a fast hash is enough at that size for a database leak not to give working secrets.

/** The text of a secret token, for patterns that embed one. */
export const SECRET_TOKEN = "[A-Za-z0-9_-]{43}";

const pattern = new RegExp(`^${SECRET_TOKEN}$`);

export const newSecretToken = () => randomBytes(32).toString("base64url");

/** Whether a string could be such a token at all, before any database lookup. */
export const isSecretToken = (value: string) => pattern.test(value);
