/**
 * How a customer's session token begins: never a staff credential, so that a staff endpoint given
 * one refuses it (403) without looking it up as an API key.
 */
export const CUSTOMER_TOKEN_PREFIX = "rvc_";

export const isCustomerToken = (secret: string) => secret.startsWith(CUSTOMER_TOKEN_PREFIX);
