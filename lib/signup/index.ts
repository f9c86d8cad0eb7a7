export * from "./create-tenant";
export * from "./schema";
