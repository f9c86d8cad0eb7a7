export * from "./class-sessions";
export * from "./schema";
