// Apart from sign-in-limits.ts so that the sign-in form can read it without server imports.

/** The `error` next-auth's client reports when a sign-in was refused for too many failures. */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

/** The `error` prefix of a sign-in refused here whose account is at another business. */
export const SIGN_IN_ELSEWHERE = "ELSEWHERE:";
