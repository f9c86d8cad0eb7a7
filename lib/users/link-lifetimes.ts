/** How long a password reset link works. */
export const RESET_LINK_MINUTES = 60;

/** How long the link confirming a new business's e-mail address works. */
export const CONFIRM_LINK_DAYS = 7;

/** How long a customer's sign-in code works. */
export const SIGN_IN_CODE_MINUTES = 10;
