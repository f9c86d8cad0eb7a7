export * from "./appointment-module";
export * from "./booking-link";
export * from "./find-tenant";
export * from "./lock-tenant";
export * from "./online-booking";
export * from "./resolve-tenant-slug";
export * from "./schema";
