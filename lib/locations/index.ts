export * from "./locations";
export * from "./meeting-url";
export * from "./public-locations";
export * from "./schema";
