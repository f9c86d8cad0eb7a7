export * from "./auth-options";
export * from "./authenticate";
export * from "./password";
export * from "./require-admin";
export * from "./sessions";
