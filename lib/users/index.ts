export * from "./create-user";
export * from "./link-lifetimes";
export * from "./schema";
export * from "./user-links";
