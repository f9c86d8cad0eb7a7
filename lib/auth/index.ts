export * from "./auth-options";
export * from "./authenticate";
export * from "./customer-sessions";
export * from "./customer-token";
export * from "./password";
export * from "./require-admin";
export * from "./secret";
export * from "./sessions";
