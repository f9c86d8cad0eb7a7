export * from "./activities";
export * from "./schema";
