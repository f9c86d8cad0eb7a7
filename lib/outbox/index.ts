export * from "./messages";
export * from "./webhook-events";
