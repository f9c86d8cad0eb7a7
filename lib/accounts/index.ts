export * from "./customer-sessions";
export * from "./my-appointments";
export * from "./profile";
export * from "./sign-in-codes";
export * from "./sign-in-limits";
