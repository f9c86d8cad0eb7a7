export * from "./schema";
export * from "./staff";
