export * from "./availability";
export * from "./date-range";
export * from "./date-time";
export * from "./own-hours";
export * from "./schema";
